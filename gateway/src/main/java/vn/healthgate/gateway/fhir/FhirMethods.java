package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.rest.server.ResourceBinding;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.method.OperationMethodBinding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which HTTP methods each path of the FHIR server accepts, read from what HAPI really serves (its method bindings), so
 * that a provider added later is covered: {@code POST} for {@code /Encounter}, {@code GET} (and {@code HEAD}) for
 * {@code /metadata}, {@code POST} for {@code /CoverageEligibilityRequest/$submit}. {@link #allowed(String)} is empty
 * for a path nothing is served on. A kind of interaction the table does not model (none today) leaves the paths of its
 * resource type, or for a server-level one every path outside the resource types, to HAPI ({@link #modelled(String)}).
 */
final class FhirMethods {
  private static final Logger LOG = LoggerFactory.getLogger(FhirMethods.class);
  private static final String ID = "{id}";

  /** A path pattern (literal segments, or {@code {id}} for any id) and the methods accepted on it. */
  private record Route(List<String> segments, Set<String> methods) {
    boolean matches(List<String> path) {
      if (path.size() != segments.size()) {
        return false;
      }
      for (int i = 0; i < path.size(); i++) {
        String pattern = segments.get(i);
        String segment = path.get(i);
        boolean any = pattern.equals(ID) && !segment.isEmpty() && !segment.startsWith("$") && !segment.startsWith("_");
        if (!any && !pattern.equals(segment)) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Route> routes;
  private final Set<String> resourceTypes;
  /** Resource types with an interaction this table does not model ("" for the server level): their paths are left to HAPI. */
  private final Set<String> unmodelled;

  private FhirMethods(List<Route> routes, Set<String> resourceTypes, Set<String> unmodelled) {
    this.routes = routes;
    this.resourceTypes = resourceTypes;
    this.unmodelled = unmodelled;
  }

  static FhirMethods of(RestfulServer server) {
    List<Route> routes = new ArrayList<>();
    Set<String> resourceTypes = new HashSet<>();
    Set<String> unmodelled = new HashSet<>();
    Set<String> unmodelledInteractions = new TreeSet<>();
    for (ResourceBinding resource : server.getResourceBindings()) {
      resourceTypes.add(resource.getResourceName());
      for (BaseMethodBinding binding : resource.getMethodBindings()) {
        if (!add(routes, resource.getResourceName(), binding, server)) {
          unmodelled.add(resource.getResourceName());
          unmodelledInteractions.add(resource.getResourceName() + " " + binding.getRestOperationType());
        }
      }
    }
    List<BaseMethodBinding> serverBindings = new ArrayList<>(server.getServerBindings());
    if (server.getServerConformanceMethod() != null) {
      serverBindings.add(server.getServerConformanceMethod());
    }
    for (BaseMethodBinding binding : serverBindings) {
      if (!add(routes, null, binding, server)) {
        unmodelled.add("");
        unmodelledInteractions.add("server " + binding.getRestOperationType());
      }
    }
    if (!unmodelledInteractions.isEmpty()) {
      LOG.info("FHIR interactions not in the method table (their paths are left to HAPI): {}", unmodelledInteractions);
    }
    return new FhirMethods(routes, resourceTypes, unmodelled);
  }

  private static boolean add(List<Route> routes, String type, BaseMethodBinding binding, RestfulServer server) {
    List<String> base = type == null ? List.of() : List.of(type);
    switch (binding.getRestOperationType()) {
      case CREATE -> route(routes, base, "POST");
      case SEARCH_TYPE, SEARCH_SYSTEM -> {
        route(routes, base, "GET");
        route(routes, append(base, "_search"), "GET", "POST");
      }
      case READ -> route(routes, append(base, ID), "GET");
      case VREAD -> route(routes, append(base, ID, "_history", ID), "GET");
      case UPDATE -> route(routes, append(base, ID), "PUT");
      case DELETE -> route(routes, append(base, ID), "DELETE");
      case PATCH -> route(routes, append(base, ID), "PATCH");
      case HISTORY_TYPE, HISTORY_SYSTEM -> route(routes, append(base, "_history"), "GET");
      case HISTORY_INSTANCE -> route(routes, append(base, ID, "_history"), "GET");
      case TRANSACTION, BATCH -> route(routes, base, "POST");
      case GET_PAGE -> {
        // HAPI always binds paging (GET <base>?_getpages=…); it serves pages only with a paging provider
        if (server.getPagingProvider() != null) {
          route(routes, List.of(), "GET");
        }
      }
      case METADATA -> {
        route(routes, List.of("metadata"), "GET");
        route(routes, List.of(), "OPTIONS");
      }
      case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE -> {
        if (!(binding instanceof OperationMethodBinding operation)) {
          return false;
        }
        String[] methods = operation.isIdempotent() ? new String[] {"POST", "GET"} : new String[] {"POST"};
        if (operation.isCanOperateAtServerLevel() || type == null) {
          route(routes, List.of(operation.getName()), methods);
        }
        if (type != null && operation.isCanOperateAtTypeLevel()) {
          route(routes, append(base, operation.getName()), methods);
        }
        if (type != null && operation.isCanOperateAtInstanceLevel()) {
          route(routes, append(base, ID, operation.getName()), methods);
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static void route(List<Route> routes, List<String> segments, String... methods) {
    Set<String> accepted = new TreeSet<>(List.of(methods));
    if (accepted.contains("GET")) {
      accepted.add("HEAD");
    }
    for (Route route : routes) {
      if (route.segments().equals(segments)) {
        route.methods().addAll(accepted);
        return;
      }
    }
    routes.add(new Route(segments, accepted));
  }

  private static List<String> append(List<String> base, String... segments) {
    List<String> path = new ArrayList<>(base);
    path.addAll(List.of(segments));
    return path;
  }

  /** False when {@code pathInfo} (the path below {@code /fhir}) belongs to an interaction this table does not model: HAPI decides. */
  boolean modelled(String pathInfo) {
    List<String> path = segments(pathInfo);
    boolean typed = !path.isEmpty() && resourceTypes.contains(path.get(0));
    return typed ? !unmodelled.contains(path.get(0)) : !unmodelled.contains("");
  }

  /** The methods accepted on {@code pathInfo} (the path below {@code /fhir}), {@code HEAD} wherever {@code GET}; empty when nothing is served there. */
  Set<String> allowed(String pathInfo) {
    List<String> path = segments(pathInfo);
    Set<String> methods = new TreeSet<>();
    for (Route route : routes) {
      if (route.matches(path)) {
        methods.addAll(route.methods());
      }
    }
    return methods;
  }

  private static List<String> segments(String pathInfo) {
    List<String> segments = new ArrayList<>();
    if (pathInfo != null) {
      for (String segment : pathInfo.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
    }
    return segments;
  }

  /** For the log and tests: every path pattern with its methods. */
  Collection<String> describe() {
    return routes.stream().map(r -> "/" + String.join("/", r.segments()) + " " + r.methods()).toList();
  }
}
