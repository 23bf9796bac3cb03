#pragma once

#include <QImage>
#include <QList>
#include <QRgb>
#include <QSize>
#include <QString>

#include <memory>
#include <vector>

namespace optviz {

// Writes an animated GIF through giflib, one frame at a time, for slides: one global
// palette for every frame (so that frames can be stored as differences), and each frame
// only as the rectangle that changed since the frame before, its unchanged pixels
// transparent (a path growing over a fixed heat map then costs a few kilobytes a frame).
// A frame identical to the one before lengthens it instead. The file is written through
// a SafeFile (ui/safe_file.h): nothing changes at the path until finish(), cancel()
// leaves the old file as it was, and a device or FIFO is never written.
class GifWriter
{
public:
    GifWriter();
    ~GifWriter(); // cancels an unfinished file
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    // At most this many colours in a palette: the 256th index is the transparent one.
    static constexpr int maxColours = 255;

    // A palette of at most maxColours for frames like `image`: `exact` first (colours
    // that must come out unchanged, such as the paths' colours), then giflib's median cut
    // (GifQuantizeBuffer) of the image for the rest.
    static QList<QRgb> paletteFor(const QImage& image, const QList<QRgb>& exact);

    // Starts the file: `size` in pixels, `palette` from paletteFor() (1 to maxColours
    // colours), playing forever when `loop` (otherwise once). False with a one-line
    // message in `error` when the target is refused (not a regular file, no such folder)
    // or its temporary file cannot be created.
    bool open(
        const QString& path, QSize size, const QList<QRgb>& palette, bool loop, QString* error);
    bool isOpen() const;
    // Adds a frame of the open size, shown for `centiseconds` (≥ 1), each pixel mapped to
    // the nearest palette colour. False with a message in `error` on a write error.
    bool addFrame(const QImage& frame, int centiseconds, QString* error);
    // Writes the last frame, shown for `extraCentiseconds` longer, and commits the file.
    bool finish(int extraCentiseconds, QString* error);
    // Abandons the file: nothing is left at the path.
    void cancel();

    // Frames written or pending (identical frames count once).
    int frameCount() const { return frames_; }

private:
    struct State;
    void index(const QImage& frame, std::vector<unsigned char>& out);
    unsigned char nearest(QRgb colour);
    bool writeFrame(
        const std::vector<unsigned char>& pixels, int centiseconds, bool first, QString* error);
    bool fail(const QString& message, QString* error);

    std::unique_ptr<State> state_;
    int frames_ = 0;
};

} // namespace optviz
