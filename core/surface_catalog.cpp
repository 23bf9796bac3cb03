#include "surface.h"
#include "surfaces/rosenbrock.h"

namespace optviz {

namespace {

template<typename S>
std::unique_ptr<Surface> create(const ParameterValues& resolved)
{
    return std::make_unique<S>(resolved);
}

} // namespace

const std::vector<SurfaceInfo>& surfaceCatalog()
{
    static const std::vector<SurfaceInfo> catalog = {
        {"rosenbrock", "(a − x)² + b (y − x²)²", Rosenbrock::parameters(), &create<Rosenbrock>},
    };
    return catalog;
}

const SurfaceInfo* findSurface(std::string_view name)
{
    for (const SurfaceInfo& info : surfaceCatalog())
        if (info.name == name)
            return &info;
    return nullptr;
}

std::vector<std::string> surfaceNames()
{
    std::vector<std::string> names;
    for (const SurfaceInfo& info : surfaceCatalog())
        names.push_back(info.name);
    return names;
}

std::unique_ptr<Surface> makeSurface(std::string_view name, const ParameterValues& overrides)
{
    const SurfaceInfo* info = findSurface(name);
    if (!info)
        throw InvalidArgument("unknown surface '" + std::string(name)
                              + "'; accepted: " + joinNames(surfaceNames()));
    return info->create(resolveParameters(info->parameters, overrides, info->name));
}

} // namespace optviz
