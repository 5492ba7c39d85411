package vn.healthgate.gateway.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import vn.healthgate.routes.delivery.SubmissionStatus;

/** The answer to a stored document: {@code 202} the first time, {@code 200} for the same document again; follow {@code links.self}. */
@Schema(name = "IntakeAnswer")
record IntakeAnswer(String id, SubmissionStatus status, SubmissionView.Links links, List<String> warnings) {}
