#pragma once
// The checks that halt a preference run before it harms anything. Each logged step's metric
// points go through check(); the first problem comes back as a plain sentence, and the run pauses
// (status "paused", last checkpoint kept, its adapter never activated):
//   - a non-finite value of any metric (NaN/inf loss, reward, KL...);
//   - the mean per-sequence KL to the reference above a limit ("objective/kl");
//   - the policy's mean token entropy below a floor ("objective/entropy"): the policy collapsed
//     onto a few tokens;
//   - verbosity hacking: over the recent window, the score ("objective/scores") and the response
//     length ("response/length") both rise, strongly correlated, and the length has grown well
//     past where the run started.
// Torch-free: it reads the numbers the trainers already report.
#include <QString>
#include <QVector>
#include <deque>
#include <optional>

#include "core/store/records.h"

namespace lab {

struct GuardOptions
{
    double klLimit = 25.0;      // nats per response; <= 0: off
    double minEntropy = 0.05;   // nats per token; <= 0: off
    int verbosityWindow = 8;    // logged points the correlation looks at; < 3: off
    double verbosityCorrelation = 0.8;
    double verbosityGrowth = 1.5; // length must exceed this multiple of the run's first length
};

class TrainingGuards
{
public:
    explicit TrainingGuards(GuardOptions options = {});

    // The points logged at `step`. Returns why the run must pause, or nothing.
    std::optional<QString> check(qint64 step, const QVector<MetricPoint> &points);

private:
    GuardOptions m_options;
    std::deque<std::pair<double, double>> m_scoreLength; // recent (score, length) points
    double m_firstLength = -1.0;
};

} // namespace lab
