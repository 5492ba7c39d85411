package vn.healthgate.gateway.examples;

import java.util.List;
import java.util.Map;

/**
 * One runnable example of the documentation: a request (with {@code {{variables}}} still in it) and the answer the
 * documentation promises for it.
 *
 * @param source the file, relative to the repository ({@code docs/examples/eligibility.http})
 * @param line the line of the file where the example starts (1-based)
 * @param title what the example shows (the {@code ###} line, or the request line)
 * @param name the {@code # @name} later requests refer to its answer by, or null
 * @param variables file variables ({@code @name = value}) declared before this request, in order
 * @param method the HTTP method
 * @param target the URL or the path ({@code {{baseUrl}}/api/v1/…} or {@code /api/v1/…})
 * @param headers request headers, in order
 * @param body the request body, or null
 * @param answer the documented answer, or null when the example documents none (a parse error names it)
 */
public record Example(String source, int line, String title, String name, Map<String, String> variables, String method,
    String target, List<Map.Entry<String, String>> headers, String body, Answer answer) {

  /**
   * @param status the documented status
   * @param contentType the documented media type the answer's Content-Type starts with, or null
   * @param body the documented JSON (a subset of the answer: {@link JsonSubset}), or null for none
   */
  public record Answer(int status, String contentType, String body) {}

  /** "eligibility.http:12 000: the card is valid": what a failing test is called. */
  public String displayName() {
    String file = source.substring(source.lastIndexOf('/') + 1);
    return file + ":" + line + " " + title;
  }
}
