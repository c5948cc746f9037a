#include "core/store/records.h"

namespace lab {

QString candidateToString(Candidate candidate)
{
    return candidate == Candidate::A ? QStringLiteral("a") : QStringLiteral("b");
}

std::optional<Candidate> candidateFromString(const QString &text)
{
    if (text == QLatin1String("a"))
        return Candidate::A;
    if (text == QLatin1String("b"))
        return Candidate::B;
    return std::nullopt;
}

namespace {
struct ChoiceName
{
    VoteChoice choice;
    QLatin1String name;
};
constexpr ChoiceName kChoiceNames[] = {
    {VoteChoice::ABetter, QLatin1String("a_better")},
    {VoteChoice::BBetter, QLatin1String("b_better")},
    {VoteChoice::Tie, QLatin1String("tie")},
    {VoteChoice::BothBad, QLatin1String("both_bad")},
    {VoteChoice::Skip, QLatin1String("skip")},
};
} // namespace

QString voteChoiceToString(VoteChoice choice)
{
    for (const ChoiceName &c : kChoiceNames)
        if (c.choice == choice)
            return QString(c.name);
    return QStringLiteral("skip");
}

std::optional<VoteChoice> voteChoiceFromString(const QString &text)
{
    for (const ChoiceName &c : kChoiceNames)
        if (text == c.name)
            return c.choice;
    return std::nullopt;
}

} // namespace lab
