package vn.healthgate.gateway.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One timestamp style in every REST body (docs/api.md "Conventions", ADR 0015): ISO-8601 with the
 * offset of Vietnam, {@code +07:00}, milliseconds kept when present
 * ({@code 2026-12-03T23:39:04.123+07:00}, {@code 2026-12-03T23:39:04+07:00}). Stored values stay UTC
 * instants; only the presentation changes. Inputs take any ISO-8601 instant with an offset.
 */
@Configuration(proxyBeanMethods = false)
public class VietnamTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

  /** The instant as the REST API writes it. */
  public static String format(Instant instant) {
    ZonedDateTime local = instant.truncatedTo(ChronoUnit.MILLIS).atZone(ZONE);
    return (local.getNano() == 0 ? SECONDS : MILLIS).format(local);
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer vietnamTimestamps() {
    return builder -> builder
        .serializerByType(Instant.class, serializer(Instant.class, i -> i))
        .serializerByType(OffsetDateTime.class, serializer(OffsetDateTime.class, OffsetDateTime::toInstant))
        .serializerByType(ZonedDateTime.class, serializer(ZonedDateTime.class, ZonedDateTime::toInstant));
  }

  private static <T> StdSerializer<T> serializer(Class<T> type, Function<T, Instant> instant) {
    return new StdSerializer<>(type) {
      @Override
      public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(format(instant.apply(value)));
      }
    };
  }
}
