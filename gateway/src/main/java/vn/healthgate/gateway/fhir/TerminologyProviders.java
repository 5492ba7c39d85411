package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.fhir.FhirTerminology;

/**
 * Read and search of the project's CodeSystems, ValueSets and NamingSystems ({@link FhirTerminology}), so a validator
 * can resolve every system the gateway emits: {@code GET /fhir/CodeSystem?url=…}, {@code GET /fhir/CodeSystem/<id>}.
 */
final class TerminologyProviders {
  private TerminologyProviders() {}

  static List<IResourceProvider> all(FhirTerminology terminology) {
    return List.of(new CodeSystems(terminology.codeSystems()), new ValueSets(terminology.valueSets()),
        new NamingSystems(terminology.namingSystems()));
  }

  static <R extends Resource> R read(List<R> resources, IdType id) {
    return resources.stream().filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
        .orElseThrow(() -> new ResourceNotFoundException(ErrorCode.NOT_FOUND.code(), FhirErrors.outcome(ErrorCode.NOT_FOUND, "id")));
  }

  static <R extends Resource> List<R> search(List<R> resources, TokenParam id, String url, Function<R, String> urlOf, StringParam name,
      Function<R, String> nameOf) {
    return resources.stream()
        .filter(r -> id == null || r.getIdElement().getIdPart().equals(id.getValue()))
        .filter(r -> url == null || url.equals(urlOf.apply(r)))
        .filter(r -> name == null || nameOf.apply(r).toLowerCase(java.util.Locale.ROOT).startsWith(name.getValue().toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  static final class CodeSystems implements IResourceProvider {
    private final List<CodeSystem> systems;

    CodeSystems(List<CodeSystem> systems) {
      this.systems = systems;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
      return TerminologyProviders.read(systems, id);
    }

    @Search
    public List<CodeSystem> search(@OptionalParam(name = "_id") TokenParam id, @OptionalParam(name = CodeSystem.SP_URL) UriParam url,
        @OptionalParam(name = CodeSystem.SP_NAME) StringParam name) {
      return TerminologyProviders.search(systems, id, url == null ? null : url.getValue(), MetadataResource::getUrl, name, MetadataResource::getName);
    }
  }

  static final class ValueSets implements IResourceProvider {
    private final List<ValueSet> sets;

    ValueSets(List<ValueSet> sets) {
      this.sets = sets;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return ValueSet.class;
    }

    @Read
    public ValueSet read(@IdParam IdType id) {
      return TerminologyProviders.read(sets, id);
    }

    @Search
    public List<ValueSet> search(@OptionalParam(name = "_id") TokenParam id, @OptionalParam(name = ValueSet.SP_URL) UriParam url,
        @OptionalParam(name = ValueSet.SP_NAME) StringParam name) {
      return TerminologyProviders.search(sets, id, url == null ? null : url.getValue(), MetadataResource::getUrl, name, MetadataResource::getName);
    }
  }

  static final class NamingSystems implements IResourceProvider {
    private final List<NamingSystem> systems;

    NamingSystems(List<NamingSystem> systems) {
      this.systems = systems;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return NamingSystem.class;
    }

    @Read
    public NamingSystem read(@IdParam IdType id) {
      return TerminologyProviders.read(systems, id);
    }

    /** {@code value} is the system URI ({@code uniqueId.value}). */
    @Search
    public List<NamingSystem> search(@OptionalParam(name = "_id") TokenParam id, @OptionalParam(name = NamingSystem.SP_VALUE) StringParam value,
        @OptionalParam(name = NamingSystem.SP_NAME) StringParam name) {
      return TerminologyProviders.search(systems, id, value == null ? null : value.getValue(), n -> n.getUniqueIdFirstRep().getValue(), name,
          NamingSystem::getName);
    }
  }
}
