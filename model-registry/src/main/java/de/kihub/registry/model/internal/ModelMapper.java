package de.kihub.registry.model.internal;

import de.kihub.registry.model.LocalizedText;
import de.kihub.registry.model.Model;
import de.kihub.registry.version.ArtifactInfo;
import de.kihub.registry.version.ModelVersion;
import de.kihub.registry.version.TensorDescription;
import de.kihub.registry.version.VersionFile;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Maps model and version rows to the API records. */
final class ModelMapper {
    static final String INPUT = "INPUT";
    static final String OUTPUT = "OUTPUT";

    private ModelMapper() {}

    static Model toModel(ModelEntity e) {
        return new Model(
                e.ownerId + "/" + e.name,
                e.ownerId,
                e.name,
                new LocalizedText(e.displayNameDe, e.displayNameEn),
                new LocalizedText(e.descriptionDe, e.descriptionEn),
                e.task,
                e.domain,
                e.license,
                e.riskClass,
                e.maturity,
                e.tags.stream().sorted().toList(),
                e.visibility,
                e.requestedVisibility,
                e.communities.stream().sorted().toList(),
                e.createdAt,
                e.updatedAt);
    }

    static ModelVersion toVersion(ModelEntity model, ModelVersionEntity v) {
        return new ModelVersion(
                model.ownerId + "/" + model.name,
                v.version,
                v.status,
                v.changelog,
                v.reviewComment,
                v.reviewedBy,
                v.createdAt,
                v.submittedAt,
                v.reviewedAt,
                v.artifactSha256 == null
                        ? null
                        : new ArtifactInfo(
                                v.artifactSha256,
                                v.artifactFormat,
                                v.artifactSize,
                                v.artifactEngine,
                                tensors(v, INPUT),
                                tensors(v, OUTPUT),
                                v.inspectedAt),
                v.files.stream()
                        .map(f -> new VersionFile(f.name, f.sha256, f.size, f.uploadedAt))
                        .sorted(Comparator.comparing(VersionFile::name))
                        .toList());
    }

    static List<ModelVersionEntity.Tensor> toRows(ArtifactInfo artifact) {
        List<ModelVersionEntity.Tensor> rows = new java.util.ArrayList<>();
        addRows(rows, INPUT, artifact.inputs());
        addRows(rows, OUTPUT, artifact.outputs());
        return rows;
    }

    private static void addRows(
            List<ModelVersionEntity.Tensor> rows, String direction, List<TensorDescription> list) {
        for (int i = 0; list != null && i < list.size(); i++) {
            TensorDescription t = list.get(i);
            rows.add(
                    new ModelVersionEntity.Tensor(
                            direction,
                            i,
                            truncate(t.name(), 255),
                            truncate(t.dataType(), 40),
                            t.shape() == null
                                    ? null
                                    : truncate(
                                            t.shape().stream()
                                                    .map(String::valueOf)
                                                    .collect(Collectors.joining(",")),
                                            255)));
        }
    }

    private static List<TensorDescription> tensors(ModelVersionEntity v, String direction) {
        return v.tensors.stream()
                .filter(t -> t.direction.equals(direction))
                .sorted(Comparator.comparingInt(t -> t.position))
                .map(
                        t ->
                                new TensorDescription(
                                        t.name,
                                        t.dataType,
                                        t.shape == null || t.shape.isEmpty()
                                                ? List.of()
                                                : Arrays.stream(t.shape.split(","))
                                                        .map(Long::valueOf)
                                                        .toList()))
                .toList();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
