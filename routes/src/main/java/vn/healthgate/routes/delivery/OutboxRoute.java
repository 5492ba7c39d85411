package vn.healthgate.routes.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.apache.camel.builder.RouteBuilder;

/** Polls the outbox and delivers what is due, in parallel, through {@link DeliveryWorker}. */
public class OutboxRoute extends RouteBuilder {
  public static final String ROUTE_ID = "outbox-delivery";
  private final DeliveryWorker worker;
  private final Duration pollInterval;
  private final ExecutorService deliveryThreads;

  public OutboxRoute(DeliveryWorker worker, Duration pollInterval, ExecutorService deliveryThreads) {
    this.worker = worker;
    this.pollInterval = pollInterval;
    this.deliveryThreads = deliveryThreads;
  }

  @Override
  public void configure() {
    from("timer:outbox-poll?delay=1000&period=" + pollInterval.toMillis()).routeId(ROUTE_ID)
        .errorHandler(noErrorHandler())
        .bean(worker, "claimDue")
        .split(body()).parallelProcessing().executorService(deliveryThreads)
            .bean(worker, "deliver")
        .end();
  }
}
