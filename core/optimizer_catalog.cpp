#include "optimizer.h"
#include "optimizers/adadelta.h"
#include "optimizers/adagrad.h"
#include "optimizers/adam.h"
#include "optimizers/adamax.h"
#include "optimizers/bfgs.h"
#include "optimizers/lbfgs.h"
#include "optimizers/nadam.h"
#include "optimizers/newton.h"
#include "optimizers/qhadam.h"
#include "optimizers/qhm.h"
#include "optimizers/radam.h"
#include "optimizers/rmsprop.h"
#include "optimizers/rprop.h"
#include "optimizers/sgd.h"

namespace optviz {

namespace {

template<typename O> std::unique_ptr<Optimizer> create(const ParameterValues& resolved)
{
    return std::make_unique<O>(resolved);
}

std::unique_ptr<Optimizer> createAdam(const ParameterValues& resolved)
{
    return std::make_unique<Adam>(resolved, false);
}

std::unique_ptr<Optimizer> createAdamW(const ParameterValues& resolved)
{
    return std::make_unique<Adam>(resolved, true);
}

} // namespace

const std::vector<OptimizerInfo>& optimizerCatalog()
{
    static const std::vector<OptimizerInfo> catalog = {
        {"sgd", "stochastic gradient descent, optional (Nesterov) momentum", "",
            Sgd::parameters(0.0, false), false, &create<Sgd>},
        {"gd", "plain gradient descent: θ ← θ − lr·∇f", "sgd", Sgd::parameters(0.0, false), false,
            &create<Sgd>},
        {"momentum", "heavy-ball momentum: a velocity that remembers past gradients", "sgd",
            Sgd::parameters(0.9, false), false, &create<Sgd>},
        {"nesterov", "Nesterov momentum: the gradient taken a step ahead", "sgd",
            Sgd::parameters(0.9, true), false, &create<Sgd>},
        {"adagrad", "per-coordinate steps shrinking with the sum of squared gradients", "",
            Adagrad::parameters(), false, &create<Adagrad>},
        {"rmsprop", "per-coordinate steps scaled by a running RMS of gradients", "",
            Rmsprop::parameters(), false, &create<Rmsprop>},
        {"adadelta", "steps in units of past steps: no learning rate to tune", "",
            Adadelta::parameters(), false, &create<Adadelta>},
        {"adam", "momentum plus RMS scaling, with bias correction", "", Adam::parameters(false),
            false, &createAdam},
        {"adamw", "Adam with decoupled weight decay", "", Adam::parameters(true), false,
            &createAdamW},
        {"adamax", "Adam with the infinity norm in place of the RMS", "", Adamax::parameters(),
            false, &create<Adamax>},
        {"nadam", "Adam with Nesterov momentum", "", Nadam::parameters(), false, &create<Nadam>},
        {"radam", "Adam whose adaptive step is rectified while its variance is large", "",
            Radam::parameters(), false, &create<Radam>},
        {"rprop", "sign-based steps that grow while the sign holds", "", Rprop::parameters(), false,
            &create<Rprop>},
        {"qhm", "quasi-hyperbolic momentum: a mix of SGD and momentum", "", Qhm::parameters(),
            false, &create<Qhm>},
        {"qhadam", "quasi-hyperbolic Adam", "", QhAdam::parameters(), false, &create<QhAdam>},
        {"newton", "saddle-free Newton: x − lr·|H|⁻¹g, downhill even where H is indefinite", "",
            Newton::parameters(), true, &create<Newton>},
        {"bfgs", "quasi-Newton: a dense inverse-Hessian estimate, strong-Wolfe line search", "",
            Bfgs::parameters(), false, &create<Bfgs>},
        {"lbfgs", "limited-memory BFGS with a strong-Wolfe line search, as torch.optim.LBFGS", "",
            Lbfgs::parameters(), false, &create<Lbfgs>},
    };
    return catalog;
}

const OptimizerInfo* findOptimizer(std::string_view name)
{
    for (const OptimizerInfo& info : optimizerCatalog())
        if (info.name == name)
            return &info;
    return nullptr;
}

std::vector<std::string> optimizerNames()
{
    std::vector<std::string> names;
    for (const OptimizerInfo& info : optimizerCatalog())
        names.push_back(info.name);
    return names;
}

std::unique_ptr<Optimizer> makeOptimizer(std::string_view name, const ParameterValues& overrides)
{
    const OptimizerInfo* info = findOptimizer(name);
    if (!info)
        throw InvalidArgument(unknownNameMessage("optimizer", name, optimizerNames()));
    return info->create(resolveParameters(info->parameters, overrides, info->name));
}

} // namespace optviz
