package vn.healthgate.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("vn.healthgate");

  @Test
  void routesUseNoWebOrSpringTypes() {
    noClasses().that().resideInAPackage("vn.healthgate.routes..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "jakarta.servlet..", "ca.uhn.fhir.rest.server..", "vn.healthgate.gateway..", "vn.healthgate.simulator..")
        .check(CLASSES);
  }

  @Test
  void certsKnowNeitherCamelNorSpring() {
    noClasses().that().resideInAPackage("vn.healthgate.certs..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..", "vn.healthgate.routes..", "vn.healthgate.gateway..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void onlyTheSimulatorWiringTouchesTheSimulator() {
    noClasses().that().resideInAPackage("vn.healthgate.gateway..")
        .and().doNotHaveSimpleName("SimulatorConfiguration")
        .and().doNotHaveSimpleName("RoutesConfiguration")
        .and().doNotHaveSimpleName("StartupBanner")
        .and().doNotHaveSimpleName("PkiConfiguration")
        .should().dependOnClassesThat().resideInAPackage("vn.healthgate.simulator..")
        .check(CLASSES);
  }

  @Test
  void identificationAndAuthorisationLiveInSecurityOnly() {
    noClasses().that().resideInAPackage("vn.healthgate.gateway..").and().resideOutsideOfPackage("vn.healthgate.gateway.security..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.security.authentication..", "org.springframework.security.config..",
            "org.springframework.security.core..", "org.springframework.security.authorization..", "org.springframework.security.web.access..")
        .because("who may call what is decided in one place (ADR 0009); others read the Caller it leaves")
        .check(CLASSES);
  }
}
