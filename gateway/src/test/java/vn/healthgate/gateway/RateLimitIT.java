package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each facility has its own rate limit: past it, 429 with Retry-After, and other facilities are not affected. */
class RateLimitIT extends GatewayIT {

  @Test
  void aFacilityOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
    List<Reply> replies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      replies.add(post("/api/v1/check-ins", "application/json", "{}", "dev-70101"));
    }

    assertThat(replies.stream().filter(r -> r.status() == 422)).hasSize(5);
    List<Reply> limited = replies.stream().filter(r -> r.status() == 429).toList();
    assertThat(limited).hasSize(3);
    assertThat(limited.get(0).body().get("code").asText()).isEqualTo("GW-RATE-LIMITED");
    assertThat(limited.get(0).header("Retry-After")).matches("\\d+");
    assertThat(post("/api/v1/check-ins", "application/json", "{}", "dev-70100").status()).isEqualTo(422);
  }
}
