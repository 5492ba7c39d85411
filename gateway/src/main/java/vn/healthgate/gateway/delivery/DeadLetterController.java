package vn.healthgate.gateway.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.web.ProblemCodes;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.delivery.SubmissionFilter;
import vn.healthgate.routes.delivery.SubmissionStatus;
import vn.healthgate.routes.delivery.Submissions;
import vn.healthgate.routes.error.ErrorCode;

/** Dead letters for integration admins: list, replay one, replay many (dry run first). */
@RestController
@Tag(name = "Admin", description = "For the province's integration admins (admin certificate; X-Api-Key dev-admin in the default run)")
class DeadLetterController {
  private static final String LIST_PATH = "/api/v1/admin/dead-letters";
  private final Submissions submissions;

  DeadLetterController(Submissions submissions) {
    this.submissions = submissions;
  }

  /** Body of a bulk replay; every filter optional, {@code dryRun} defaults to true. */
  @Schema(name = "BulkReplay")
  record BulkReplay(String facilityCode, @Schema(implementation = DocumentKind.class) String kind,
      @Schema(type = "string", format = "date-time", description = SubmissionController.SINCE) String since,
      @Schema(defaultValue = "true", description = "true (the default) only lists what would be replayed") Boolean dryRun) {}

  /** What a bulk replay matched (and, unless a dry run, replayed). */
  @Schema(name = "BulkReplayResult")
  record BulkReplayResult(boolean dryRun, int count, List<String> ids) {}

  @GetMapping(path = LIST_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Dead letters, oldest first, one page at a time")
  @ProblemCodes(ErrorCode.ADMIN_ONLY)
  SubmissionPage deadLetters(@RequestParam(required = false) String facilityCode,
      @Parameter(schema = @Schema(implementation = DocumentKind.class)) @RequestParam(required = false) String kind,
      @Parameter(description = SubmissionController.SINCE, schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String since,
      @Parameter(schema = @Schema(type = "integer", minimum = "0", maximum = "100000", defaultValue = "0")) @RequestParam(required = false) String page,
      @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50")) @RequestParam(required = false) String size) {
    Map<String, String> query = SubmissionController.named("facilityCode", facilityCode, "kind", kind, "since", since);
    SubmissionFilter filter = SubmissionController.filter(facilityCode, SubmissionStatus.DEAD_LETTER, kind, null, null, since, page, size);
    List<SubmissionView> items = submissions.list(filter).stream().map(SubmissionView::of).toList();
    return SubmissionPage.of(LIST_PATH, query, filter, items, submissions.count(filter));
  }

  @PostMapping(path = "/api/v1/admin/dead-letters/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Put one dead letter back in the queue with a fresh retry budget")
  @ProblemCodes({ErrorCode.ADMIN_ONLY, ErrorCode.ADMIN_ACTION_HEADER, ErrorCode.SUBMISSION_NOT_FOUND, ErrorCode.NOT_DEAD_LETTER, ErrorCode.AUDIT_UNAVAILABLE})
  SubmissionView replay(@PathVariable String id) {
    return SubmissionView.of(submissions.replay(id));
  }

  @PostMapping(path = "/api/v1/admin/dead-letters/replay", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "List (dry run, the default) or replay every matching dead letter")
  @ProblemCodes({ErrorCode.ADMIN_ONLY, ErrorCode.ADMIN_ACTION_HEADER, ErrorCode.AUDIT_UNAVAILABLE})
  BulkReplayResult replayAll(@RequestBody BulkReplay request) {
    boolean dryRun = request.dryRun() == null || request.dryRun();
    SubmissionFilter filter = SubmissionController.filter(request.facilityCode(), null, request.kind(), null, null, request.since(), null, null);
    List<Submission> matched = submissions.replayAll(filter, dryRun);
    return new BulkReplayResult(dryRun, matched.size(), matched.stream().map(Submission::id).toList());
  }
}
