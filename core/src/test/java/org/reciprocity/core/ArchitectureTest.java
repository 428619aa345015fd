package org.reciprocity.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core stays pure: no framework, no database, no clock. Time is always an argument. */
@AnalyzeClasses(packages = "org.reciprocity.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "javax..")
            .because("core is plain Java, usable from the server, the benchmarks and a batch job alike");

    @ArchTest
    static final ArchRule noSql = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..")
            .because("storage belongs to the server");

    @ArchTest
    static final ArchRule noClock = noClasses().should().callMethodWhere(
                    com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("now")))
            .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
            .because("rules must give the same answer for the same inputs; the caller passes the time");
}
