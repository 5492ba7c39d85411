package vn.healthgate.gateway.json;

import com.fasterxml.jackson.core.JsonParser;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A JSON object naming the same key twice is malformed ({@code 400 GW-JSON-MALFORMED}), at any depth.
 *
 * <p>Without this, Jackson keeps the last value, except inside a record whose every component was already
 * read: there a repeated key ({@code "person":{…,"address":{…},"address":{…}}}) fails as an
 * {@code InvalidDefinitionException}, which Spring reports as a conversion error, answered 500. Refusing
 * every duplicate also means the body means one thing, whichever parser reads it.
 */
@Configuration(proxyBeanMethods = false)
public class DuplicateKeys {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer refuseDuplicateKeys() {
    return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }
}
