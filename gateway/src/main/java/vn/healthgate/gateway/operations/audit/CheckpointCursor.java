package vn.healthgate.gateway.operations.audit;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.healthgate.gateway.operations.audit.AuditLog.Finding.Kind;

/**
 * Reads one node's checkpoint file in step with the chain walk (its lines are in sequence order): each line's own HMAC, then the
 * entry it names must exist and carry its hash. Reads only as far as the file reached when verification began, so a checkpoint
 * written meanwhile cannot name an entry the walk does not see. Constant memory.
 */
final class CheckpointCursor implements Closeable {
  private final Path file;
  private final AuditKeys keys;
  private final Findings findings;
  private final BufferedReader reader;
  private int lineNumber;
  private long lastLineSeq = -1;
  private AuditCheckpoint next;
  private long agreed;

  /** Opens {@code file} up to {@code length} bytes and reads its first checkpoint. */
  CheckpointCursor(Path file, long length, AuditKeys keys, Findings findings) throws IOException {
    this.file = file;
    this.keys = keys;
    this.findings = findings;
    this.reader = new BufferedReader(new InputStreamReader(new Prefix(Files.newInputStream(file), length), StandardCharsets.UTF_8));
    advance();
  }

  /** The walk reached entry {@code seq} with {@code hash}: checks every checkpoint up to it. */
  void onEntry(long seq, String hash) {
    while (next != null && next.seq() <= seq) {
      if (next.seq() == seq) {
        compare(next, hash);
      } else if (next.seq() == 0) {
        compare(next, AuditLog.GENESIS);
      } else {
        findings.add(Kind.CHECKPOINT_MISMATCH, next.seq(), next.seq(), next.describe() + " names entry seq " + next.seq() + ", which no longer exists");
      }
      advance();
    }
  }

  /** The walk ended at entry {@code lastSeq}: any checkpoint beyond it names entries that were cut off. */
  void atEnd(long lastSeq) {
    AuditCheckpoint highest = null;
    while (next != null) {
      if (next.seq() == 0) {
        compare(next, AuditLog.GENESIS);
      } else {
        highest = next;
      }
      advance();
    }
    if (highest != null) {
      findings.add(Kind.TRUNCATED, lastSeq + 1, highest.seq(), highest.describe() + " names seq " + highest.seq() + " but the last entry is " + lastSeq
          + ": entries " + (lastSeq + 1) + " to " + highest.seq() + " were cut off");
    }
  }

  /** Checkpoints whose entry carried their hash. */
  long agreed() {
    return agreed;
  }

  private void compare(AuditCheckpoint checkpoint, String hash) {
    if (checkpoint.hash().equals(hash)) {
      agreed++;
    } else {
      findings.add(Kind.CHECKPOINT_MISMATCH, checkpoint.seq(), checkpoint.seq(), checkpoint.describe() + " names entry seq " + checkpoint.seq()
          + " with hash " + checkpoint.hash().substring(0, 12) + "…, the entry now has " + hash.substring(0, Math.min(12, hash.length()))
          + "…: the chain was rewritten after that checkpoint");
    }
  }

  /** Moves to the next line that holds a checkpoint signed with one of the keys and not going back; reports the others. */
  private void advance() {
    next = null;
    try {
      for (String line; (line = reader.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        AuditCheckpoint checkpoint = AuditCheckpoint.parse(line);
        String where = "checkpoint file " + file + " line " + lineNumber;
        AuditKey key = checkpoint == null ? null : keys.byId(checkpoint.keyId());
        if (checkpoint == null) {
          findings.add(Kind.CHECKPOINT_FORGED, null, null, where + " is not a checkpoint line: altered or forged");
        } else if (key == null) {
          findings.add(Kind.CHECKPOINT_FORGED, null, null, where + " is signed with key id " + checkpoint.keyId()
              + ", which is not among the keys given: forged, or a retired key is missing");
        } else if (!checkpoint.signedBy(key)) {
          findings.add(Kind.CHECKPOINT_FORGED, null, null, where + ": its HMAC does not verify: the line was altered or forged");
        } else if (checkpoint.seq() < lastLineSeq) {
          findings.add(Kind.CHECKPOINT_OUT_OF_ORDER, null, null, where + " names seq " + checkpoint.seq() + " after a line naming " + lastLineSeq
              + ": the chain went back (a database restore, or a rewrite); not compared");
        } else {
          lastLineSeq = checkpoint.seq();
          next = checkpoint;
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit checkpoint file " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The first {@code remaining} bytes of a stream. */
  private static final class Prefix extends FilterInputStream {
    private long remaining;

    Prefix(InputStream in, long length) {
      super(in);
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }
}
