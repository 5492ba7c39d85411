package vn.healthgate.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
        .and().doNotHaveSimpleName("PortalConfiguration")
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

  @Test
  void theGatewaysRoomsFormNoCycle() {
    roomsFreeOfCycles("vn.healthgate.gateway").check(CLASSES);
  }

  @Test
  void theCycleRuleFailsOnACycle() {
    JavaClasses cycle = new ClassFileImporter().importPackages("vn.healthgate.cyclefixture");
    assertThatThrownBy(() -> roomsFreeOfCycles("vn.healthgate.cyclefixture").check(cycle))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
  }

  private static ArchRule roomsFreeOfCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles()
        .because("each feature (eligibility, delivery, security, operations) and each shared room can be read and changed alone");
  }

  @Test
  void featuresDoNotReachIntoEachOther() {
    noClasses().that().resideInAPackage("vn.healthgate.gateway.eligibility..")
        .should().dependOnClassesThat().resideInAnyPackage("vn.healthgate.gateway.delivery..", "vn.healthgate.gateway.operations..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("vn.healthgate.gateway.delivery..")
        .should().dependOnClassesThat().resideInAnyPackage("vn.healthgate.gateway.eligibility..", "vn.healthgate.gateway.operations..")
        .check(CLASSES);
  }

  @Test
  void sharedRoomsKnowNoFeature() {
    noClasses().that().resideInAnyPackage("vn.healthgate.gateway.config..", "vn.healthgate.gateway.web..", "vn.healthgate.gateway.fhir..",
            "vn.healthgate.gateway.persistence..", "vn.healthgate.gateway.pki..")
        .should().dependOnClassesThat().resideInAnyPackage("vn.healthgate.gateway.eligibility..", "vn.healthgate.gateway.delivery..",
            "vn.healthgate.gateway.operations..", "vn.healthgate.gateway.security..")
        .check(CLASSES);
  }
}
