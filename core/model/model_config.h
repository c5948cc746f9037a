#pragma once
// The shape of a Llama-family model, read from and written to a Hugging Face `config.json`.
// Torch-free so that ui/ and app/ can show and edit it.
#include "core/common/result.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace lab {

struct LlamaConfig
{
    int vocabSize = 4096;
    int hiddenSize = 256;       // d_model
    int intermediateSize = 688; // SwiGLU width
    int numLayers = 4;
    int numHeads = 4;
    int numKvHeads = 4; // < numHeads: grouped-query attention
    int maxPositionEmbeddings = 512;
    double rmsNormEps = 1e-6;
    double ropeTheta = 10000.0;
    bool tieWordEmbeddings = false;
    qint64 bosTokenId = 1;
    QVector<qint64> eosTokenIds{2}; // HF allows one id or a list
    qint64 padTokenId = 0;
    QString torchDtype = QStringLiteral("float32");

    int headDim() const { return hiddenSize / numHeads; }
    int kvDim() const { return numKvHeads * headDim(); }

    // The bundled default of DESIGN.md.
    static LlamaConfig labTiny();

    // Checks that the numbers make a model (positive sizes, heads dividing d_model, ...).
    Status validate() const;

    // `config.json` of the Hugging Face form; unknown keys are ignored, absent ones keep the
    // defaults above except the sizes, which must be present.
    static Result<LlamaConfig> fromJson(const QJsonObject &json, const QString &origin = {});
    static Result<LlamaConfig> load(const QString &configJsonPath);
    QJsonObject toJson() const;
    Status save(const QString &configJsonPath) const;

    bool operator==(const LlamaConfig &) const = default;
};

} // namespace lab
