// PPO's arithmetic against worked examples: GAE over a three-token response (gamma 1 / lambda
// 0.95 and gamma 0.9 / lambda 1), masked whitening, the adaptive KL controller over three
// updates, per-token reward shaping, and the clipped policy and value losses with their clip
// fractions and the approximate KL.
#include "core/train/ppo_math.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>

using namespace lab;

namespace {

torch::Tensor vec(std::initializer_list<double> values, bool grad = false)
{
    return torch::tensor(std::vector<double>(values), torch::kDouble).requires_grad_(grad);
}

bool near(double a, double b, double tol = 1e-12) { return std::abs(a - b) <= tol; }

#define LAB_NEAR_TOL(actual, expected, tol)                                                        \
    QVERIFY2(near((actual), (expected), (tol)),                                                    \
             qPrintable(QStringLiteral("%1 = %2, expected %3").arg(QLatin1String(#actual)).arg((actual), 0, 'g', 17).arg((expected), 0, 'g', 17)))
#define LAB_NEAR(actual, expected) LAB_NEAR_TOL(actual, expected, 1e-12)

void expectVector(const torch::Tensor &t, std::initializer_list<double> expected, double tol = 1e-12)
{
    QCOMPARE(t.numel(), qint64(expected.size()));
    int i = 0;
    for (double e : expected) {
        LAB_NEAR_TOL(t[i].item<double>(), e, tol);
        ++i;
    }
}

} // namespace

class TestPpoMath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // rewards r = [1, 0, 2], values V = [0.5, 1.0, 1.5], V after the last token = 0.
    void gaeGammaOneLambda095()
    {
        // t=2: delta = 2 + 1*0   - 1.5 = 0.5;  A2 = 0.5
        // t=1: delta = 0 + 1*1.5 - 1.0 = 0.5;  A1 = 0.5 + 0.95*0.5   = 0.975
        // t=0: delta = 1 + 1*1.0 - 0.5 = 1.5;  A0 = 1.5 + 0.95*0.975 = 2.42625
        // returns = A + V = [2.92625, 1.975, 2.0]
        auto gae = computeGae(vec({1.0, 0.0, 2.0}), vec({0.5, 1.0, 1.5}), 1.0, 0.95);
        QVERIFY2(gae, qPrintable(gae.error()));
        expectVector(gae->advantages, {2.42625, 0.975, 0.5});
        expectVector(gae->returns, {2.92625, 1.975, 2.0});
    }

    void gaeGammaNineTenthsLambdaOne()
    {
        // t=2: delta = 2 + 0.9*0   - 1.5 = 0.5;   A2 = 0.5
        // t=1: delta = 0 + 0.9*1.5 - 1.0 = 0.35;  A1 = 0.35 + 0.9*0.5 = 0.8
        // t=0: delta = 1 + 0.9*1.0 - 0.5 = 1.4;   A0 = 1.4 + 0.9*0.8  = 2.12
        // With lambda 1 the returns are the discounted reward sums: 2, 0 + 0.9*2 = 1.8,
        // 1 + 0.9*1.8 = 2.62.
        auto gae = computeGae(vec({1.0, 0.0, 2.0}), vec({0.5, 1.0, 1.5}), 0.9, 1.0);
        QVERIFY2(gae, qPrintable(gae.error()));
        expectVector(gae->advantages, {2.12, 0.8, 0.5});
        expectVector(gae->returns, {2.62, 1.8, 2.0});
    }

    void gaeKeepsDtypeAndRefusesBadInput()
    {
        auto gae = computeGae(vec({1.0, 0.0, 2.0}).to(torch::kFloat), vec({0.5, 1.0, 1.5}).to(torch::kFloat), 1.0, 0.95);
        QVERIFY2(gae, qPrintable(gae.error()));
        QCOMPARE(gae->advantages.scalar_type(), torch::kFloat);
        QVERIFY(near(gae->advantages[0].item<double>(), 2.42625, 1e-6));
        // lambda 0: one-step TD errors.
        auto td = computeGae(vec({1.0, 0.0, 2.0}), vec({0.5, 1.0, 1.5}), 1.0, 0.0);
        QVERIFY2(td, qPrintable(td.error()));
        expectVector(td->advantages, {1.5, 0.5, 0.5});
        QVERIFY(!computeGae(vec({1.0, 0.0}), vec({0.5, 1.0, 1.5}), 1.0, 0.95));
        QVERIFY(!computeGae(torch::zeros({2, 3}, torch::kDouble), torch::zeros({2, 3}, torch::kDouble), 1.0, 0.95));
        QVERIFY(!computeGae(vec({1.0}), vec({1.0}), 1.5, 0.95));
        QVERIFY(!computeGae(torch::zeros({0}, torch::kDouble), torch::zeros({0}, torch::kDouble), 1.0, 0.95));
    }

    void whiteningUnderAMask()
    {
        // x = [1, 2, 3, 10], mask = [1, 1, 1, 0]: mean 2, unbiased var ((1 + 0 + 1) / 2) = 1
        // -> (x - 2) / sqrt(1 + 1e-8) = [-1, 0, 1, 8] (the masked-out entry uses the same stats)
        const double s = 1.0 / std::sqrt(1.0 + 1e-8);
        auto w = whitenMasked(vec({1.0, 2.0, 3.0, 10.0}), vec({1.0, 1.0, 1.0, 0.0}));
        QVERIFY2(w, qPrintable(w.error()));
        expectVector(*w, {-s, 0.0, s, 8.0 * s});
        // Without shifting the mean, it is added back: [1, 2, 3, 10] up to the 1e-8.
        auto kept = whitenMasked(vec({1.0, 2.0, 3.0, 10.0}), vec({1.0, 1.0, 1.0, 0.0}), false);
        QVERIFY2(kept, qPrintable(kept.error()));
        expectVector(*kept, {2.0 - s, 2.0, 2.0 + s, 2.0 + 8.0 * s});
        // No mask: x = [1, 3]: mean 2, var (1 + 1)/1 = 2 -> [-1/sqrt 2, 1/sqrt 2]
        auto all = whitenMasked(vec({1.0, 3.0}));
        QVERIFY2(all, qPrintable(all.error()));
        expectVector(*all, {-1.0 / std::sqrt(2.0 + 1e-8), 1.0 / std::sqrt(2.0 + 1e-8)});
        // One value has no variance.
        QVERIFY(!whitenMasked(vec({1.0, 3.0}), vec({1.0, 0.0})));
        QVERIFY(!whitenMasked(vec({1.0, 3.0}), vec({1.0, 1.0, 0.0})));

        auto mean = maskedMean(vec({1.0, 2.0, 3.0, 10.0}), vec({1.0, 1.0, 1.0, 0.0}));
        QVERIFY2(mean, qPrintable(mean.error()));
        LAB_NEAR(mean->item<double>(), 2.0);
        QVERIFY(!maskedMean(vec({1.0}), vec({0.0})));
    }

    void adaptiveKlControllerThreeUpdates()
    {
        // init 0.2, target 6, horizon 10000, 256 responses per batch.
        // KL 9:   error = clip(9/6 - 1 = 0.5)  = 0.2;  mult = 1 + 0.2*256/10000 = 1.00512
        //         value = 0.2 * 1.00512 = 0.201024
        // KL 3:   error = clip(3/6 - 1 = -0.5) = -0.2; mult = 0.99488
        //         value = 0.201024 * 0.99488 = 0.201024 - 0.00102924288 = 0.19999475712
        // KL 6.6: error = 6.6/6 - 1 = 0.1;             mult = 1 + 0.1*256/10000 = 1.00256
        //         value = 0.19999475712 * 1.00256 = 0.19999475712 + 0.000511986578 = 0.200506743698
        KlController kl = KlController::adaptive(0.2, 6.0, 10000.0);
        QVERIFY(kl.isAdaptive());
        kl.update(9.0, 256);
        LAB_NEAR_TOL(kl.value(), 0.201024, 1e-15);
        kl.update(3.0, 256);
        LAB_NEAR_TOL(kl.value(), 0.19999475712, 1e-15);
        kl.update(6.6, 256);
        LAB_NEAR_TOL(kl.value(), 0.200506743698227, 1e-14);
        // A NaN KL leaves the coefficient alone (the run's NaN guard reports it).
        kl.update(std::nan(""), 256);
        LAB_NEAR_TOL(kl.value(), 0.200506743698227, 1e-14);

        KlController fixed = KlController::fixed(0.05);
        QVERIFY(!fixed.isAdaptive());
        fixed.update(100.0, 256);
        QCOMPARE(fixed.value(), 0.05);
    }

    void rewardShaping()
    {
        // logp = [-1, -2, -0.5], ref = [-1.5, -2, -1] -> kl = [0.5, 0, 0.5]
        // kl_coef 0.2: non-score = [-0.1, 0, -0.1]; score 3 on the last token -> [-0.1, 0, 2.9]
        auto shaped = shapeRewards(vec({-1.0, -2.0, -0.5}), vec({-1.5, -2.0, -1.0}), 3.0, 0.2);
        QVERIFY2(shaped, qPrintable(shaped.error()));
        expectVector(shaped->kl, {0.5, 0.0, 0.5});
        expectVector(shaped->nonScoreReward, {-0.1, 0.0, -0.1});
        expectVector(shaped->rewards, {-0.1, 0.0, 2.9});
        QVERIFY(!shapeRewards(vec({-1.0}), vec({-1.0, -2.0}), 3.0, 0.2));
        QVERIFY(!shapeRewards(vec({-1.0}), vec({-1.0}), std::nan(""), 0.2));
    }

    void clippedPolicyLossByHand()
    {
        // old logp = 0, logp = log [1.5, 0.7, 1.1] -> ratio = [1.5, 0.7, 1.1]; A = [1, 1, -2]; eps 0.2
        // token 0: -A r = -1.5, -A clip(r) = -1.2 -> max -1.2 (clipped term wins)
        // token 1: -0.7, -A clip(0.7 -> 0.8) = -0.8 -> max -0.7 (unclipped)
        // token 2: 2.2, 2.2 -> 2.2 (equal, not counted as clipped)
        // loss = (-1.2 - 0.7 + 2.2) / 3 = 0.1; clipfrac = 1/3
        // approxkl = 0.5 (ln^2 1.5 + ln^2 0.7 + ln^2 1.1) / 3
        //          = 0.5 (0.1644019 + 0.1272161 + 0.0090840) / 3 = 0.0501171666502
        torch::Tensor logp = torch::log(vec({1.5, 0.7, 1.1})).requires_grad_(true);
        const torch::Tensor old = vec({0.0, 0.0, 0.0});
        const torch::Tensor adv = vec({1.0, 1.0, -2.0});
        auto out = clippedPolicyLoss(logp, old, adv, {}, 0.2);
        QVERIFY2(out, qPrintable(out.error()));
        LAB_NEAR(out->loss.item<double>(), 0.1);
        LAB_NEAR(out->clipFraction, 1.0 / 3.0);
        const double expectedKl = 0.5 * (std::pow(std::log(1.5), 2) + std::pow(std::log(0.7), 2) + std::pow(std::log(1.1), 2)) / 3.0;
        LAB_NEAR(out->approxKl, expectedKl);
        QVERIFY(near(out->approxKl, 0.0501171666502, 1e-12));
        auto kl = approxKl(logp, old);
        QVERIFY2(kl, qPrintable(kl.error()));
        LAB_NEAR(*kl, expectedKl);

        // d loss / d logp = d(-A r)/d logp / N = -A r / N where unclipped, 0 where clipped:
        // [0, -0.7/3, 2.2/3]
        out->loss.backward();
        expectVector(logp.grad(), {0.0, -0.7 / 3.0, 2.2 / 3.0});

        // Masking token 2 out: (-1.2 - 0.7) / 2 = -0.95, clipfrac 1/2, approxkl over two tokens.
        auto masked = clippedPolicyLoss(logp, old, adv, vec({1.0, 1.0, 0.0}), 0.2);
        QVERIFY2(masked, qPrintable(masked.error()));
        LAB_NEAR(masked->loss.item<double>(), -0.95);
        LAB_NEAR(masked->clipFraction, 0.5);
        LAB_NEAR(masked->approxKl, 0.5 * (std::pow(std::log(1.5), 2) + std::pow(std::log(0.7), 2)) / 2.0);

        QVERIFY(!clippedPolicyLoss(logp, old, adv, vec({0.0, 0.0, 0.0}), 0.2));
        QVERIFY(!clippedPolicyLoss(logp, old, adv, {}, 0.0));
        QVERIFY(!clippedPolicyLoss(logp, vec({0.0}), adv, {}, 0.2));
    }

    void clippedValueLossByHand()
    {
        // v = [1, 2, 0], old v = [0.9, 1, 0], R = [1.5, 3, 1], eps 0.2 (no value sits on a clip edge,
        // where the subgradient of min/max would be split)
        // token 0: vclip = clip(1, 0.7, 1.1) = 1;   (1-1.5)^2 = 0.25, 0.25  -> 0.25
        // token 1: vclip = clip(2, 0.8, 1.2) = 1.2; (2-3)^2 = 1, (1.2-3)^2 = 3.24 -> 3.24 (clipped wins)
        // token 2: vclip = 0;                       1, 1 -> 1
        // loss = 0.5 (0.25 + 3.24 + 1) / 3 = 0.748333...; clipfrac = 1/3
        torch::Tensor v = vec({1.0, 2.0, 0.0}, true);
        auto out = clippedValueLoss(v, vec({0.9, 1.0, 0.0}), vec({1.5, 3.0, 1.0}), {}, 0.2);
        QVERIFY2(out, qPrintable(out.error()));
        LAB_NEAR(out->loss.item<double>(), 0.5 * 4.49 / 3.0);
        LAB_NEAR(out->clipFraction, 1.0 / 3.0);
        // Gradient: (v - R)/N on unclipped tokens, 0 on the clipped one: [-0.5/3, 0, -1/3]
        out->loss.backward();
        expectVector(v.grad(), {-0.5 / 3.0, 0.0, -1.0 / 3.0});
        // Masked to tokens 0 and 2: 0.5 (0.25 + 1) / 2 = 0.3125, nothing clipped.
        auto masked = clippedValueLoss(v, vec({0.9, 1.0, 0.0}), vec({1.5, 3.0, 1.0}), vec({1.0, 0.0, 1.0}), 0.2);
        QVERIFY2(masked, qPrintable(masked.error()));
        LAB_NEAR(masked->loss.item<double>(), 0.3125);
        LAB_NEAR(masked->clipFraction, 0.0);
        QVERIFY(!clippedValueLoss(v, vec({0.9}), vec({1.5, 3.0, 1.0}), {}, 0.2));
        QVERIFY(!clippedValueLoss(v, vec({0.9, 1.0, 0.0}), vec({1.5, 3.0, 1.0}), {}, -1.0));
    }
};

QTEST_GUILESS_MAIN(TestPpoMath)
#include "test_ppo_math.moc"
