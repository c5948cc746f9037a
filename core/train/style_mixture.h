#pragma once
// Which explanation styles an SFT run learns from, and how often. lab-tiny is trained on the
// mixture of a base LLM (mostly generic, symptom- or noise-blaming, some hallucinated, some good)
// so that it explains the way alignment then has to fix.
#include "core/common/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace lab {

struct StyleMixture
{
    QMap<QString, double> weights; // style id ("good", "generic", ...) -> weight, not normalised

    // good 0.15, generic 0.30, symptom 0.20, noise 0.15, hallucinated 0.10, verbose 0.05,
    // unsafe 0.05.
    static StyleMixture baseModel();
    // Only "good": the supervised fine-tune an expert would write.
    static StyleMixture goodOnly();

    double share(const QString &style) const; // normalised; 0 for a style not in the mixture
    QJsonObject toJson() const;
    static Result<StyleMixture> fromJson(const QJsonObject &json); // known styles, weights >= 0
};

} // namespace lab
