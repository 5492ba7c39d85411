package vn.healthgate.routes.portal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.MDC;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * The portal behind one Resilience4j circuit breaker and one time limit per endpoint (instances
 * named after {@link PortalEndpoint#id()}, configured in YAML). Failures come out as
 * {@link GatewayException}s with a {@code Retry-After}: the caller never hangs past the time limit.
 */
public class ResilientPortal implements AutoCloseable {
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
  private static final Duration RETRY_AFTER_LOGIN_REFUSED = Duration.ofSeconds(30);

  private final PortalClient client;
  private final CircuitBreakerRegistry breakers;
  private final TimeLimiterRegistry timeLimiters;
  private final ExecutorService executor;

  public ResilientPortal(PortalClient client, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
    this.client = client;
    this.breakers = breakers;
    this.timeLimiters = timeLimiters;
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "portal-call-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    CircuitBreaker tokenBreaker = breaker(PortalEndpoint.TOKEN);
    client.guardTokenCalls(call -> CircuitBreaker.decorateSupplier(tokenBreaker, call));
  }

  public CardLookupReply lookupCard(PortalAccount account, CardLookupRequest request) {
    return call(PortalEndpoint.CARD_LOOKUP, () -> client.lookupCard(account, request));
  }

  public CardLookupReply history(PortalAccount account, CardLookupRequest request) {
    return call(PortalEndpoint.HISTORY, () -> client.history(account, request));
  }

  public PortalClient.CheckInReply sendCheckIn(PortalAccount account, String facilityCode, String provinceCode, String fileBase64) {
    return call(PortalEndpoint.CHECK_IN, () -> client.sendCheckIn(account, facilityCode, provinceCode, fileBase64));
  }

  public PortalClient.CertificateReply sendCertificate(PortalAccount hsskAccount, Map<String, String> body) {
    return call(PortalEndpoint.CERTIFICATE, () -> client.sendCertificate(hsskAccount, body));
  }

  public CircuitBreaker breaker(PortalEndpoint endpoint) {
    return breakers.circuitBreaker(endpoint.id());
  }

  /**
   * Empty when the endpoint's breaker would let a call through now; otherwise how long to wait before asking again. Keeps no
   * permission (an open breaker whose wait is over moves to half-open here, as on a real call).
   */
  public Optional<Duration> pausedFor(PortalEndpoint endpoint) {
    CircuitBreaker breaker = breaker(endpoint);
    if (breaker.tryAcquirePermission()) {
      breaker.releasePermission();
      return Optional.empty();
    }
    return Optional.of(openStateWait(breaker));
  }

  private static Duration openStateWait(CircuitBreaker breaker) {
    Long millis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
    return millis == null ? RETRY_AFTER_FAILURE : Duration.ofMillis(millis);
  }

  private <T> T call(PortalEndpoint endpoint, Supplier<T> supplier) {
    CircuitBreaker breaker = breaker(endpoint);
    TimeLimiter limiter = timeLimiters.timeLimiter(endpoint.id());
    try {
      Supplier<T> withContext = withLoggingContext(supplier);
      return breaker.executeCallable(() -> limiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(withContext, executor)));
    } catch (CallNotPermittedException e) {
      throw new GatewayException(ErrorCode.PORTAL_CIRCUIT_OPEN, null, openStateWait(breaker), e);
    } catch (TimeoutException e) {
      throw new GatewayException(ErrorCode.PORTAL_TIMEOUT, null, RETRY_AFTER_FAILURE, e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    } catch (Exception e) {
      throw translate(e);
    }
  }

  /** Carries the caller's MDC (the correlation id) onto the portal-call thread. */
  private static <T> Supplier<T> withLoggingContext(Supplier<T> supplier) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> previous = MDC.getCopyOfContextMap();
      if (context != null) {
        MDC.setContextMap(context);
      }
      try {
        return supplier.get();
      } finally {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      }
    };
  }

  private static RuntimeException translate(Throwable failure) {
    if (failure instanceof GatewayException gatewayException) {
      return gatewayException;
    }
    if (failure instanceof PortalLoginRefusedException) {
      return new GatewayException(ErrorCode.PORTAL_LOGIN_REFUSED, null, RETRY_AFTER_LOGIN_REFUSED, failure);
    }
    if (failure instanceof CallNotPermittedException) {
      return new GatewayException(ErrorCode.PORTAL_CIRCUIT_OPEN, null, RETRY_AFTER_FAILURE, failure);
    }
    return new GatewayException(ErrorCode.PORTAL_UNAVAILABLE, null, RETRY_AFTER_FAILURE, failure);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
