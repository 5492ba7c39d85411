package vn.healthgate.gateway.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.healthgate.routes.error.ErrorCode;

/**
 * The catalogue codes a REST endpoint answers besides those every endpoint may answer (identity,
 * unknown parameters, method, rate, availability: {@code ApiDocumentation}); the OpenAPI document lists
 * them per status as problem+json responses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemCodes {
  ErrorCode[] value();
}
