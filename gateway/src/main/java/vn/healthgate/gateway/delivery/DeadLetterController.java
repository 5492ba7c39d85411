package vn.healthgate.gateway.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.delivery.SubmissionFilter;
import vn.healthgate.routes.delivery.Submissions;

/** Dead letters for integration admins: list, replay one, replay many (dry run first). */
@RestController
class DeadLetterController {
  private final Submissions submissions;

  DeadLetterController(Submissions submissions) {
    this.submissions = submissions;
  }

  /** Body of a bulk replay; every filter optional, {@code dryRun} defaults to true. */
  record BulkReplay(String facilityCode, String kind, String since, Boolean dryRun) {}

  @GetMapping(path = "/api/v1/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> deadLetters(@RequestParam(required = false) String facilityCode, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String since, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    SubmissionController.checkPaging(page, size);
    SubmissionFilter filter = SubmissionController.filter(facilityCode, "DEAD_LETTER", kind, since, page, size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", submissions.list(filter).stream().map(SubmissionView::of).toList());
    return body;
  }

  @PostMapping(path = "/api/v1/admin/dead-letters/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> replay(@PathVariable String id) {
    return SubmissionView.of(submissions.replay(id));
  }

  @PostMapping(path = "/api/v1/admin/dead-letters/replay", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> replayAll(@RequestBody BulkReplay request) {
    boolean dryRun = request.dryRun() == null || request.dryRun();
    SubmissionFilter filter = SubmissionController.filter(request.facilityCode(), null, request.kind(), request.since(), 0, 10_000);
    List<Submission> matched = submissions.replayAll(filter, dryRun);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dryRun", dryRun);
    body.put("count", matched.size());
    body.put("ids", matched.stream().map(Submission::id).toList());
    return body;
  }
}
