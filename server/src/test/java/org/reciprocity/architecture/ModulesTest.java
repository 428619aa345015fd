package org.reciprocity.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.reciprocity.ReciprocityApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules as Spring Modulith sees them (each top-level package of the server): no cycle, no
 * use of another module's internals; and the module map in ARCHITECTURE.md and docs/modules.puml is the
 * one the code has. Run with {@code -Dmodules.write=true} to write both after a change of structure.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ReciprocityApplication.class,
            // the pure algorithms and the synthetic communities are libraries of their own (Maven modules core and
            // synthetic; core has its own architecture test)
            resideInAnyPackage("org.reciprocity.core..", "org.reciprocity.synthetic.."));

    static final Path ARCHITECTURE = Path.of("../ARCHITECTURE.md");
    static final Path DIAGRAM = Path.of("../docs/modules.puml");
    static final String BEGIN = "<!-- module map: written by ModulesTest -->";
    static final String END = "<!-- end of module map -->";
    static final boolean WRITE = Boolean.getBoolean("modules.write");

    @Test
    void featuresDependOnlyOnWhatTheyDeclareAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void theArchitectureDocumentShowsTheModuleMapTheCodeHas() throws IOException {
        String map = moduleMap();
        String document = Files.readString(ARCHITECTURE);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("ARCHITECTURE.md has the module map's markers").isNotNegative().isLessThan(end);
        String current = document.substring(begin + BEGIN.length(), end).strip();
        if (WRITE) {
            Files.writeString(ARCHITECTURE, document.substring(0, begin + BEGIN.length()) + "\n" + map + "\n"
                    + document.substring(end));
            return;
        }
        assertThat(current).as("the module map in ARCHITECTURE.md (run ModulesTest with -Dmodules.write=true)")
                .isEqualTo(map);
    }

    @Test
    void theDiagramIsTheOneModulithDraws() throws IOException {
        Path out = Files.createTempDirectory("modulith-docs");
        new Documenter(MODULES, out.toString()).writeModulesAsPlantUml();
        String drawn = Files.readString(out.resolve("components.puml"));
        if (WRITE) {
            Files.writeString(DIAGRAM, drawn);
            return;
        }
        // compared line by line regardless of order: the drawing's order is not part of the structure
        assertThat(Files.readAllLines(DIAGRAM)).as("docs/modules.puml (run ModulesTest with -Dmodules.write=true)")
                .containsExactlyInAnyOrderElementsOf(drawn.lines().toList());
    }

    /** One line per module: what it depends on, in the order of the module list. */
    static String moduleMap() {
        List<ApplicationModule> modules = MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName)).toList();
        StringBuilder map = new StringBuilder("| module | depends on |\n|---|---|\n");
        for (ApplicationModule module : modules) {
            String uses = module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)
                    .sorted().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
            map.append("| `").append(module.getName()).append("` | ").append(uses.isEmpty() ? "—" : uses).append(" |\n");
        }
        return map.toString().strip();
    }
}
