package vn.healthgate.certs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** certs is plain Java + Bouncy Castle: it knows neither Spring nor Camel nor the other modules. */
class ArchitectureTest {
  private static final JavaClasses CERTS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("vn.healthgate.certs");

  @Test
  void certsDependsOnNeitherSpringNorCamel() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
        .check(CERTS);
  }

  @Test
  void certsDependsOnNoOtherModule() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("vn.healthgate.routes..", "vn.healthgate.gateway..", "vn.healthgate.simulator..")
        .check(CERTS);
  }
}
