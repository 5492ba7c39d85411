package vn.healthgate.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.delivery.SubmissionFilter;

class SubmissionPageTest {
  private static SubmissionPage.Links links(int page, int size, long total) {
    SubmissionFilter filter = new SubmissionFilter(null, null, null, null, null, null, page, size);
    return SubmissionPage.of("/api/v1/submissions", Map.of(), filter, List.of(), total).links();
  }

  @Test
  void aMiddlePageLinksBothNeighbours() {
    assertThat(links(1, 3, 7).prev()).isEqualTo("/api/v1/submissions?page=0&size=3");
    assertThat(links(1, 3, 7).next()).isEqualTo("/api/v1/submissions?page=2&size=3");
  }

  @Test
  void theLastPageHasNoNextAndTheFirstNoPrev() {
    assertThat(links(2, 3, 7).next()).isNull();
    assertThat(links(0, 3, 7).prev()).isNull();
  }

  @Test
  void aPagePastTheEndLinksBackToTheLastPageThatExists() {
    assertThat(links(5, 3, 7).prev()).isEqualTo("/api/v1/submissions?page=2&size=3");
    assertThat(links(100_000, 3, 7).next()).isNull();
  }

  @Test
  void nothingToListHasNoPrevWhateverThePage() {
    assertThat(links(4, 50, 0).prev()).isNull();
  }
}
