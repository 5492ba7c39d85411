package vn.healthgate.gateway.operations.audit;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.gateway.config.GatewayProperties;

/** Wires the keyed audit chain: its key (read at start, created in the default run), the log, the checkpoints of its head. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

  @Bean
  AuditKeys auditKeys(GatewayProperties properties) {
    GatewayProperties.Audit audit = properties.audit();
    AuditKey current = audit.generateDevelopmentKey() ? AuditKey.readOrCreate(audit.keyFile()) : AuditKey.read(audit.keyFile());
    return new AuditKeys(current, audit.retiredKeyFiles().stream().map(AuditKey::read).toList());
  }

  @Bean
  AuditLog auditLog(JdbcTemplate jdbc, Clock clock, AuditKeys keys, GatewayProperties properties) {
    return new AuditLog(jdbc, clock, keys, properties.audit().checkpointFile());
  }

  @Bean
  AuditCheckpoints auditCheckpoints(JdbcTemplate jdbc, Clock clock, AuditKeys keys, GatewayProperties properties) {
    GatewayProperties.Audit audit = properties.audit();
    return new AuditCheckpoints(jdbc, clock, keys.current(), audit.checkpointFile(), audit.checkpointInterval(), properties.outbox().node());
  }
}
