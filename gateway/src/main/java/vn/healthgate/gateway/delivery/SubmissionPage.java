package vn.healthgate.gateway.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import vn.healthgate.routes.delivery.SubmissionFilter;

/** One page of submissions: the items, where it is, how many match in all, and the links to the pages beside it. */
@Schema(name = "SubmissionPage")
record SubmissionPage(List<SubmissionView> items, int page, int size, long total, Links links) {

  /** {@code next} and {@code prev} only when such a page exists; past the end, {@code prev} is the last page. */
  @Schema(name = "PageLinks")
  record Links(String self, String next, String prev) {}

  /**
   * The page of {@code filter} at {@code path}; {@code query} holds the filter parameters as the caller
   * named them (canonical order, unset ones absent), to which each link adds its {@code page} and {@code size}.
   */
  static SubmissionPage of(String path, Map<String, String> query, SubmissionFilter filter, List<SubmissionView> items, long total) {
    int page = filter.page();
    int size = filter.size();
    boolean hasNext = (long) (page + 1) * size < total;
    long lastPage = total == 0 ? -1 : (total - 1) / size;
    long prev = Math.min(page - 1L, lastPage);
    return new SubmissionPage(items, page, size, total,
        new Links(link(path, query, page, size), hasNext ? link(path, query, page + 1, size) : null, prev >= 0 ? link(path, query, (int) prev, size) : null));
  }

  private static String link(String path, Map<String, String> query, int page, int size) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    query.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
    uri.queryParam("page", page).queryParam("size", size);
    return uri.encode().buildAndExpand(query).toUriString();
  }
}
