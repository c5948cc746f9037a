#include "core/train/style_mixture.h"

#include "core/synth/incident.h"

namespace lab {

StyleMixture StyleMixture::baseModel()
{
    return {{{QStringLiteral("good"), 0.15},
             {QStringLiteral("generic"), 0.30},
             {QStringLiteral("symptom"), 0.20},
             {QStringLiteral("noise"), 0.15},
             {QStringLiteral("hallucinated"), 0.10},
             {QStringLiteral("verbose"), 0.05},
             {QStringLiteral("unsafe"), 0.05}}};
}

StyleMixture StyleMixture::goodOnly()
{
    return {{{QStringLiteral("good"), 1.0}}};
}

double StyleMixture::share(const QString &style) const
{
    double total = 0.0;
    for (double w : weights)
        total += w;
    return total > 0.0 ? weights.value(style, 0.0) / total : 0.0;
}

QJsonObject StyleMixture::toJson() const
{
    QJsonObject out;
    for (auto it = weights.begin(); it != weights.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

Result<StyleMixture> StyleMixture::fromJson(const QJsonObject &json)
{
    StyleMixture mixture;
    double total = 0.0;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!synth::styleFromId(it.key()))
            return fail(QStringLiteral("unknown explanation style '%1' in the mixture (known: good, "
                                       "symptom, noise, generic, hallucinated, verbose, unsafe)")
                            .arg(it.key()));
        const double w = it.value().toDouble(-1.0);
        if (!it.value().isDouble() || w < 0.0)
            return fail(QStringLiteral("the mixture weight of '%1' must be a number >= 0")
                            .arg(it.key()));
        mixture.weights.insert(it.key(), w);
        total += w;
    }
    if (total <= 0.0)
        return fail(QStringLiteral("the style mixture has no positive weight"));
    return mixture;
}

} // namespace lab
