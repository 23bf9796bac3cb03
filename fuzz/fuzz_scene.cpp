// Fuzz target: the bytes of a scene file, as the window, `optviz-cli render --scene` and
// the restored last session read them (Scene::fromBytes). Properties checked:
//  - a bad scene is refused with one readable line (InvalidArgument), nothing else
//    escapes (no crash, no other exception, no UB or leak under the sanitizers);
//  - an accepted scene saves and reopens identical, and can be simulated: its first
//    steps run (the core with parameters straight from the file).

#include "fuzz_checks.h"
#include "ui/scene.h"
#include "ui/scene_simulation.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace optviz;
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    Scene scene;
    try {
        scene = Scene::fromBytes(bytes, "fuzz.json");
    } catch (const InvalidArgument& error) {
        fuzz::checkMessage(error.what());
        return 0;
    }
    try {
        if (!(Scene::fromJson(scene.toJson()) == scene))
            fuzz::violated("a scene does not reopen identical", bytes.left(200).toStdString());
    } catch (const InvalidArgument& error) {
        fuzz::violated("a saved scene does not reopen", error.what());
    }
    try {
        SceneSimulation simulation(scene);
        simulation.advance(std::min(scene.steps, 64LL)); // bounded: a fuzz input runs in ms
    } catch (const InvalidArgument& error) {
        fuzz::checkMessage(error.what()); // e.g. an optimizer the surface cannot serve
    }
    return 0;
}
