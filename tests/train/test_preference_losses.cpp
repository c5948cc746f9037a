// The reward model's Bradley–Terry loss and DPO's sigmoid, IPO and robust losses against values
// worked out by hand on two- and three-pair batches, their gradients against the analytic
// derivatives, and DPO at step 0 (policy = reference) giving log 2 and zero rewards.
#include "core/train/preference_losses.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>

using namespace lab;

namespace {

torch::Tensor vec(std::initializer_list<double> values, bool grad = false)
{
    return torch::tensor(std::vector<double>(values), torch::kDouble).requires_grad_(grad);
}

// -logsigmoid(x) = log(1 + e^-x), written out so the expected values do not use the code under test.
double softplusNeg(double x) { return std::log1p(std::exp(-x)); }
double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

bool near(double a, double b, double tol = 1e-12) { return std::abs(a - b) <= tol; }

#define LAB_NEAR(actual, expected)                                                                 \
    QVERIFY2(near((actual), (expected)),                                                           \
             qPrintable(QStringLiteral("%1 = %2, expected %3").arg(QLatin1String(#actual)).arg((actual), 0, 'g', 17).arg((expected), 0, 'g', 17)))

} // namespace

class TestPreferenceLosses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bradleyTerryByHand()
    {
        // r_c = [2, 0.5, 1], r_r = [1, 1.5, 0.5] -> d = r_c - r_r = [1, -1, 0.5]
        // loss = (log(1+e^-1) + log(1+e^1) + log(1+e^-0.5)) / 3
        //      = (0.3132617 + 1.3132617 + 0.4740770) / 3 = 0.7002001197388509
        // accuracy = 2/3 (d > 0 twice), margin = (1 - 1 + 0.5)/3 = 1/6,
        // reward/chosen = 3.5/3, reward/rejected = 3/3 = 1
        auto out = bradleyTerryLoss(vec({2.0, 0.5, 1.0}), vec({1.0, 1.5, 0.5}));
        QVERIFY2(out, qPrintable(out.error()));
        LAB_NEAR(out->loss.item<double>(), 0.7002001197388509);
        LAB_NEAR(out->loss.item<double>(), (softplusNeg(1.0) + softplusNeg(-1.0) + softplusNeg(0.5)) / 3.0);
        LAB_NEAR(out->stats.at(QStringLiteral("loss")), 0.7002001197388509);
        LAB_NEAR(out->stats.at(QStringLiteral("accuracy")), 2.0 / 3.0);
        LAB_NEAR(out->stats.at(QStringLiteral("margin")), 1.0 / 6.0);
        LAB_NEAR(out->stats.at(QStringLiteral("reward/chosen")), 3.5 / 3.0);
        LAB_NEAR(out->stats.at(QStringLiteral("reward/rejected")), 1.0);
    }

    void bradleyTerryWithMargin()
    {
        // margin m = [0.5, 0, 0]: logits = d - m = [0.5, -1, 0.5]
        // loss = (0.4740770 + 1.3132617 + 0.4740770) / 3 = 0.7538052186261455
        // The logged "margin" stays the reward gap (1/6): the margin column shifts the loss only.
        auto out = bradleyTerryLoss(vec({2.0, 0.5, 1.0}), vec({1.0, 1.5, 0.5}), vec({0.5, 0.0, 0.0}));
        QVERIFY2(out, qPrintable(out.error()));
        LAB_NEAR(out->loss.item<double>(), 0.7538052186261455);
        LAB_NEAR(out->stats.at(QStringLiteral("margin")), 1.0 / 6.0);
        LAB_NEAR(out->stats.at(QStringLiteral("accuracy")), 2.0 / 3.0);
    }

    void bradleyTerryGradient()
    {
        // d/d r_c,i of mean(-logsigmoid(d_i)) = -(1/N) sigmoid(-d_i); d/d r_r,i = +(1/N) sigmoid(-d_i)
        torch::Tensor rc = vec({2.0, 0.5, 1.0}, true);
        torch::Tensor rr = vec({1.0, 1.5, 0.5}, true);
        auto out = bradleyTerryLoss(rc, rr);
        QVERIFY2(out, qPrintable(out.error()));
        out->loss.backward();
        const double d[3] = {1.0, -1.0, 0.5};
        for (int i = 0; i < 3; ++i) {
            LAB_NEAR(rc.grad()[i].item<double>(), -sigmoid(-d[i]) / 3.0);
            LAB_NEAR(rr.grad()[i].item<double>(), sigmoid(-d[i]) / 3.0);
        }
    }

    void bradleyTerryRejectsBadInput()
    {
        QVERIFY(!bradleyTerryLoss(vec({1.0, 2.0}), vec({1.0})));
        QVERIFY(!bradleyTerryLoss(torch::zeros({2, 2}, torch::kDouble), torch::zeros({2, 2}, torch::kDouble)));
        QVERIFY(!bradleyTerryLoss(torch::zeros({0}, torch::kDouble), torch::zeros({0}, torch::kDouble)));
        QVERIFY(!bradleyTerryLoss(torch::tensor({1, 2}), torch::tensor({1, 2}))); // integers
        QVERIFY(!bradleyTerryLoss(torch::Tensor(), vec({1.0})));
        auto bad = bradleyTerryLoss(vec({1.0, 2.0}), vec({1.0, 2.0}), vec({0.5}));
        QVERIFY(!bad);
        QVERIFY(bad.error().contains(QStringLiteral("margin")));
    }

    // pc = [-5, -6], pr = [-7, -6], rc = [-6, -6], rr = [-6, -5], beta = 0.5
    // h = (pc - pr) - (rc - rr) = [2, 0] - [0, -1] = [2, 1]; beta h = [1, 0.5]
    // rewards/chosen = 0.5 (pc - rc) = [0.5, 0] -> 0.25; rewards/rejected = 0.5 (pr - rr) = [-0.5, -0.5]
    // -> -0.5; margins 0.75; accuracies: 0.5 > -0.5 and 0 > -0.5 -> 1; logps/chosen -5.5, rejected -6.5
    void dpoSigmoidByHand()
    {
        // loss = (log(1+e^-1) + log(1+e^-0.5)) / 2 = (0.3132617 + 0.4740770) / 2 = 0.39366933584916475
        auto out = dpoLoss(vec({-5.0, -6.0}), vec({-7.0, -6.0}), vec({-6.0, -6.0}), vec({-6.0, -5.0}),
                           {DpoLossType::Sigmoid, 0.5, 0.0});
        QVERIFY2(out, qPrintable(out.error()));
        LAB_NEAR(out->loss.item<double>(), 0.39366933584916475);
        LAB_NEAR(out->stats.at(QStringLiteral("loss")), 0.39366933584916475);
        LAB_NEAR(out->stats.at(QStringLiteral("rewards/chosen")), 0.25);
        LAB_NEAR(out->stats.at(QStringLiteral("rewards/rejected")), -0.5);
        LAB_NEAR(out->stats.at(QStringLiteral("rewards/margins")), 0.75);
        LAB_NEAR(out->stats.at(QStringLiteral("rewards/accuracies")), 1.0);
        LAB_NEAR(out->stats.at(QStringLiteral("logps/chosen")), -5.5);
        LAB_NEAR(out->stats.at(QStringLiteral("logps/rejected")), -6.5);

        // Label smoothing 0.2 (TRL's conservative DPO): 0.8 softplus(-bh) + 0.2 softplus(bh)
        auto smooth = dpoLoss(vec({-5.0, -6.0}), vec({-7.0, -6.0}), vec({-6.0, -6.0}), vec({-6.0, -5.0}),
                              {DpoLossType::Sigmoid, 0.5, 0.2});
        QVERIFY2(smooth, qPrintable(smooth.error()));
        LAB_NEAR(smooth->loss.item<double>(),
                 (0.8 * softplusNeg(1.0) + 0.2 * softplusNeg(-1.0) + 0.8 * softplusNeg(0.5) + 0.2 * softplusNeg(-0.5)) / 2.0);
    }

    void dpoIpoByHand()
    {
        // (h - 1/(2 beta))^2 with 1/(2*0.5) = 1: (2 - 1)^2 = 1, (1 - 1)^2 = 0 -> mean 0.5
        auto out = dpoLoss(vec({-5.0, -6.0}), vec({-7.0, -6.0}), vec({-6.0, -6.0}), vec({-6.0, -5.0}),
                           {DpoLossType::Ipo, 0.5, 0.0});
        QVERIFY2(out, qPrintable(out.error()));
        LAB_NEAR(out->loss.item<double>(), 0.5);
        LAB_NEAR(out->stats.at(QStringLiteral("rewards/margins")), 0.75); // same statistics as sigmoid
    }

    void dpoRobustByHand()
    {
        // eps = 0.1: ((1-eps) softplus(-bh) + eps logsigmoid(-bh)) / (1 - 2 eps)
        // bh = 1:   (0.9 * 0.3132617 - 0.1 * 1.3132617) / 0.8 = 0.1882616875182229
        // bh = 0.5: (0.9 * 0.4740770 - 0.1 * 0.9740770) / 0.8 = 0.4115769841801066
        // mean = 0.29991933584916475
        auto out = dpoLoss(vec({-5.0, -6.0}), vec({-7.0, -6.0}), vec({-6.0, -6.0}), vec({-6.0, -5.0}),
                           {DpoLossType::Robust, 0.5, 0.1});
        QVERIFY2(out, qPrintable(out.error()));
        LAB_NEAR(out->loss.item<double>(), 0.29991933584916475);
        // eps = 0 is plain sigmoid DPO.
        auto plain = dpoLoss(vec({-5.0, -6.0}), vec({-7.0, -6.0}), vec({-6.0, -6.0}), vec({-6.0, -5.0}),
                             {DpoLossType::Robust, 0.5, 0.0});
        QVERIFY2(plain, qPrintable(plain.error()));
        LAB_NEAR(plain->loss.item<double>(), 0.39366933584916475);
        // eps = 0.5 divides by zero: refused with a message.
        QVERIFY(!dpoLoss(vec({-5.0}), vec({-7.0}), vec({-6.0}), vec({-6.0}), {DpoLossType::Robust, 0.5, 0.5}));
    }

    void dpoAtStepZero()
    {
        // Policy = reference: h = 0, every loss term is -logsigmoid(0) = log 2, every reward 0 and
        // no pair counts as won (0 > 0 is false).
        const torch::Tensor chosen = vec({-12.5, -3.25, -40.0});
        const torch::Tensor rejected = vec({-11.0, -7.5, -38.0});
        auto out = dpoLoss(chosen.clone().requires_grad_(true), rejected.clone().requires_grad_(true), chosen, rejected,
                           {DpoLossType::Sigmoid, 0.1, 0.0});
        QVERIFY2(out, qPrintable(out.error()));
        LAB_NEAR(out->loss.item<double>(), std::log(2.0));
        for (const char *name : {"rewards/chosen", "rewards/rejected", "rewards/margins", "rewards/accuracies"})
            LAB_NEAR(out->stats.at(QLatin1String(name)), 0.0);
        LAB_NEAR(out->stats.at(QStringLiteral("logps/chosen")), (-12.5 - 3.25 - 40.0) / 3.0);
        // IPO at h = 0: (0 - 1/(2*0.1))^2 = 25.
        auto ipo = dpoLoss(chosen, rejected, chosen, rejected, {DpoLossType::Ipo, 0.1, 0.0});
        QVERIFY2(ipo, qPrintable(ipo.error()));
        LAB_NEAR(ipo->loss.item<double>(), 25.0);
        // Robust at h = 0: ((1-eps) log 2 - eps log 2) / (1 - 2 eps) = log 2 for any eps.
        auto robust = dpoLoss(chosen, rejected, chosen, rejected, {DpoLossType::Robust, 0.1, 0.3});
        QVERIFY2(robust, qPrintable(robust.error()));
        QVERIFY(near(robust->loss.item<double>(), std::log(2.0), 1e-12));
    }

    void dpoSigmoidGradient()
    {
        // L = mean_i softplus(-beta h_i), h_i = pc_i - pr_i - const
        // dL/dpc_i = -(beta/N) sigmoid(-beta h_i); dL/dpr_i = +(beta/N) sigmoid(-beta h_i)
        torch::Tensor pc = vec({-5.0, -6.0}, true);
        torch::Tensor pr = vec({-7.0, -6.0}, true);
        torch::Tensor rc = vec({-6.0, -6.0}, true); // the reference never receives a gradient
        auto out = dpoLoss(pc, pr, rc, vec({-6.0, -5.0}), {DpoLossType::Sigmoid, 0.5, 0.0});
        QVERIFY2(out, qPrintable(out.error()));
        out->loss.backward();
        const double bh[2] = {1.0, 0.5};
        for (int i = 0; i < 2; ++i) {
            LAB_NEAR(pc.grad()[i].item<double>(), -0.5 / 2.0 * sigmoid(-bh[i]));
            LAB_NEAR(pr.grad()[i].item<double>(), 0.5 / 2.0 * sigmoid(-bh[i]));
        }
        QVERIFY(!rc.grad().defined());
    }

    void dpoFloat32()
    {
        // The trainer runs in float32: same figures to float precision.
        auto f = [](std::initializer_list<double> v) { return vec(v).to(torch::kFloat); };
        auto out = dpoLoss(f({-5.0, -6.0}), f({-7.0, -6.0}), f({-6.0, -6.0}), f({-6.0, -5.0}), {DpoLossType::Sigmoid, 0.5, 0.0});
        QVERIFY2(out, qPrintable(out.error()));
        QCOMPARE(out->loss.scalar_type(), torch::kFloat);
        QVERIFY(near(out->loss.item<double>(), 0.39366933584916475, 1e-6));
    }

    void dpoRejectsBadInput()
    {
        QVERIFY(!dpoLoss(vec({-1.0, -2.0}), vec({-1.0}), vec({-1.0}), vec({-1.0})));
        QVERIFY(!dpoLoss(vec({-1.0}), vec({-1.0}), vec({-1.0}), vec({-1.0}), {DpoLossType::Sigmoid, 0.0, 0.0}));
        QVERIFY(!dpoLoss(vec({-1.0}), vec({-1.0}), vec({-1.0}), vec({-1.0}), {DpoLossType::Sigmoid, std::nan(""), 0.0}));
        QVERIFY(!dpoLoss(vec({-1.0}), vec({-1.0}), vec({-1.0}), vec({-1.0}), {DpoLossType::Robust, 0.1, -0.1}));
        QCOMPARE(*dpoLossTypeFromName(QStringLiteral("ipo")), DpoLossType::Ipo);
        QCOMPARE(dpoLossTypeName(DpoLossType::Robust), QStringLiteral("robust"));
        QVERIFY(!dpoLossTypeFromName(QStringLiteral("hinge")));
    }
};

QTEST_GUILESS_MAIN(TestPreferenceLosses)
#include "test_preference_losses.moc"
