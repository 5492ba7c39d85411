package vn.healthgate.routes.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * The route {@code eligibility-check} without Spring: the real validator on a fixed clock, a portal lookup each test
 * scripts, an in-memory store. Mock endpoints woven after each node show which steps an exchange passed.
 */
class EligibilityRouteTest extends CamelTestSupport {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  private static final EligibilityRequest VALID = new EligibilityRequest("70001", "070089868934", null, null, "VÕ HỮU BÌNH", "1989-11-10", null,
      new EligibilityRequest.Officer("NGÔ NGỌC GIANG", "070186171117"), null);
  private static final EligibilityResult ELIGIBLE = new EligibilityResult(true, Outcome.ELIGIBLE, "000", ResultCategory.CARD, "Eligible", "Đủ điều kiện",
      "Thẻ còn giá trị sử dụng!", null, null, null, List.of(), OffsetDateTime.now(CLOCK));

  private final List<EligibilityQuery> lookedUp = new CopyOnWriteArrayList<>();
  private final List<EligibilityQuery> stored = new CopyOnWriteArrayList<>();
  private volatile Function<EligibilityQuery, EligibilityResult> portal = query -> ELIGIBLE;
  private volatile RuntimeException storeFailure;

  @Override
  public void configureTest(TestExecutionConfiguration configuration) {
    super.configureTest(configuration);
    configuration.withUseAdviceWith(true);
  }

  @Override
  protected RoutesBuilder createRouteBuilder() {
    EligibilityLookup lookup = new EligibilityLookup(null, null, null) {
      @Override
      public EligibilityResult lookup(EligibilityQuery query) {
        lookedUp.add(query);
        return portal.apply(query);
      }
    };
    EligibilityResultStore store = (query, result) -> {
      if (storeFailure != null) {
        throw storeFailure;
      }
      stored.add(query);
    };
    return new EligibilityRoute(new EligibilityValidator(CLOCK), lookup, new EligibilityRecorder(store));
  }

  @Override
  protected void doPostSetup() throws Exception {
    AdviceWith.adviceWith(context, EligibilityRoute.ROUTE_ID, route -> {
      route.weaveById("eligibility-validate").after().to("mock:validated");
      route.weaveById("eligibility-lookup").after().to("mock:looked-up");
      route.weaveById("eligibility-record").after().to("mock:recorded");
    });
    context.start();
  }

  private EligibilityResult check(EligibilityRequest request) {
    return template.requestBody(EligibilityRoute.ENDPOINT, request, EligibilityResult.class);
  }

  private static ErrorCode codeOf(Throwable thrown) {
    assertThat(thrown).isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(GatewayException.class);
    return ((GatewayException) thrown.getCause()).errorCode();
  }

  @Test
  void aValidCheckIsValidatedLookedUpAndRecordedInThatOrderAndAnswered() throws Exception {
    MockEndpoint validated = getMockEndpoint("mock:validated");
    MockEndpoint lookedUpAt = getMockEndpoint("mock:looked-up");
    MockEndpoint recorded = getMockEndpoint("mock:recorded");
    validated.expectedMessageCount(1);
    validated.message(0).body().isInstanceOf(EligibilityQuery.class);
    lookedUpAt.expectedBodiesReceived(ELIGIBLE);
    recorded.expectedBodiesReceived(ELIGIBLE);

    EligibilityResult result = check(VALID);

    MockEndpoint.assertIsSatisfied(context);
    assertThat(result).isSameAs(ELIGIBLE);
    assertThat(lookedUp).singleElement().satisfies(q -> assertThat(q.toPortalRequest().maThe()).isEqualTo("070089868934"));
    assertThat(stored).containsExactlyElementsOf(lookedUp);
  }

  @Test
  void anInvalidRequestReachesTheCallerWithItsCodeAndTheStepsAfterValidationNeverRun() throws Exception {
    getMockEndpoint("mock:validated").expectedMessageCount(0);
    getMockEndpoint("mock:looked-up").expectedMessageCount(0);
    EligibilityRequest noOfficer = new EligibilityRequest("70001", "070089868934", null, null, "VÕ HỮU BÌNH", "1989-11-10", null, null, null);

    assertThatThrownBy(() -> check(noOfficer)).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.OFFICER_MISSING));

    MockEndpoint.assertIsSatisfied(context);
    assertThat(lookedUp).isEmpty();
    assertThat(stored).isEmpty();
  }

  @Test
  void aPortalFailureReachesTheCallerUnchangedAndNothingIsRecorded() throws Exception {
    portal = query -> {
      throw new GatewayException(ErrorCode.PORTAL_UNAVAILABLE, null);
    };
    getMockEndpoint("mock:validated").expectedMessageCount(1);
    getMockEndpoint("mock:looked-up").expectedMessageCount(0);
    getMockEndpoint("mock:recorded").expectedMessageCount(0);

    assertThatThrownBy(() -> check(VALID)).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE));

    MockEndpoint.assertIsSatisfied(context);
    assertThat(stored).isEmpty();
  }

  @Test
  void aStoreThatFailsDoesNotFailTheAnswer() throws Exception {
    storeFailure = new IllegalStateException("database gone");
    getMockEndpoint("mock:recorded").expectedBodiesReceived(ELIGIBLE);

    assertThat(check(VALID)).isSameAs(ELIGIBLE);

    MockEndpoint.assertIsSatisfied(context);
    assertThat(stored).isEmpty();
  }

  @Test
  void theRouteShowsItsStepsByName() {
    List.of("eligibility-validate", "eligibility-lookup", "eligibility-record")
        .forEach(id -> assertThat(context.getProcessorDefinition(id)).as(id).isNotNull());
  }
}
