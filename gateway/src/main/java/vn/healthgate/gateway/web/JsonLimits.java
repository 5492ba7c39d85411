package vn.healthgate.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON parsing limits: nesting depth and string length far below Jackson's defaults (no request needs
 * more), and a key named twice in one object refused at any depth ({@code 400 GW-JSON-MALFORMED}):
 * otherwise Jackson keeps the last value, except inside a record whose every component was already
 * read, where the repeat failed as a conversion error (500). A body then means one thing, whichever
 * parser reads it.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {
  static final int MAX_NESTING_DEPTH = 32;
  static final int MAX_STRING_LENGTH = 200_000;

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
    return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH).build()));
  }
}
