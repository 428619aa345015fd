package org.reciprocity.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.reciprocity.ReciprocityApplication;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ReciprocityApplication.class,
            // the pure algorithms are a library of their own (the core module, with its own architecture test)
            resideInAPackage("org.reciprocity.core.."));

    @Test
    void featuresDependOnlyOnWhatTheyDeclareAndFormNoCycle() {
        MODULES.verify();
    }
}
