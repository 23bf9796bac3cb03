#include "gif_writer.h"

#include "safe_file.h"

#include <gif_lib.h>

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <limits>

namespace optviz {

namespace {

constexpr int transparentIndex = 255;
// The nearest-colour table has one cell per 6 bits of red, green and blue (2¹⁸ cells),
// each filled the first time a pixel falls in it: a frame's 900 000 pixels then cost a
// table look-up each, and a cell's answer (computed for its centre) never depends on
// which frame met it first.
constexpr int cellBits = 6;
constexpr int cellCount = 1 << (3 * cellBits);
constexpr unsigned short unfilled = 0xFFFF;

int cellOf(QRgb colour)
{
    constexpr int shift = 8 - cellBits;
    return ((qRed(colour) >> shift) << (2 * cellBits)) | ((qGreen(colour) >> shift) << cellBits)
        | (qBlue(colour) >> shift);
}

int writeToSafeFile(GifFileType* gif, const GifByteType* bytes, int length)
{
    auto* file = static_cast<SafeFile*>(gif->UserData);
    const qint64 written = file->write(reinterpret_cast<const char*>(bytes), length);
    return written < 0 ? 0 : int(written);
}

QString translated(const char* text)
{
    return QCoreApplication::translate("GifWriter", text);
}

} // namespace

struct GifWriter::State
{
    SafeFile file;
    GifFileType* gif = nullptr;
    QSize size;
    QList<QRgb> palette;
    std::vector<unsigned short> cells = std::vector<unsigned short>(cellCount, unfilled);
    // What a viewer shows after the frames written so far, and the frame not yet written
    // (it may still grow longer), as palette indices.
    std::vector<unsigned char> shown, pending, next;
    int pendingCentiseconds = 0;
    bool hasPending = false;
    bool wroteAny = false;

    explicit State(const QString& path)
        : file(path)
    {
    }
};

GifWriter::GifWriter() = default;

GifWriter::~GifWriter()
{
    cancel();
}

QList<QRgb> GifWriter::paletteFor(const QImage& image, const QList<QRgb>& exact)
{
    QList<QRgb> palette;
    for (QRgb colour : exact) {
        colour = qRgb(qRed(colour), qGreen(colour), qBlue(colour));
        if (!palette.contains(colour) && palette.size() < maxColours)
            palette.append(colour);
    }
    if (image.isNull() || palette.size() >= maxColours)
        return palette;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const int w = rgb.width(), h = rgb.height();
    const std::size_t n = std::size_t(w) * std::size_t(h);
    std::vector<GifByteType> red(n), green(n), blue(n), indices(n);
    for (int y = 0; y < h; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
            red[i] = GifByteType(qRed(line[x]));
            green[i] = GifByteType(qGreen(line[x]));
            blue[i] = GifByteType(qBlue(line[x]));
        }
    }
    int count = maxColours - int(palette.size());
    std::array<GifColorType, 256> map {};
    if (GifQuantizeBuffer(unsigned(w), unsigned(h), &count, red.data(), green.data(), blue.data(),
            indices.data(), map.data())
        != GIF_OK)
        return palette;
    for (int i = 0; i < count && palette.size() < maxColours; ++i) {
        const QRgb colour
            = qRgb(map[std::size_t(i)].Red, map[std::size_t(i)].Green, map[std::size_t(i)].Blue);
        if (!palette.contains(colour))
            palette.append(colour);
    }
    return palette;
}

bool GifWriter::fail(const QString& message, QString* error)
{
    if (error)
        *error = message;
    cancel();
    return false;
}

bool GifWriter::isOpen() const
{
    return state_ != nullptr;
}

bool GifWriter::open(
    const QString& path, QSize size, const QList<QRgb>& palette, bool loop, QString* error)
{
    cancel();
    if (size.width() < 1 || size.height() < 1 || size.width() > 0xFFFF || size.height() > 0xFFFF)
        return fail(
            translated("cannot write '%1': a GIF is 1 to 65535 pixels wide and high").arg(path),
            error);
    if (palette.isEmpty() || palette.size() > maxColours)
        return fail(
            translated("cannot write '%1': the palette needs 1 to 255 colours").arg(path), error);
    state_ = std::make_unique<State>(path);
    State& s = *state_;
    if (!s.file.open(QIODevice::WriteOnly)) // the target's check and its temporary file
        return fail(s.file.errorString(), error);
    int code = 0;
    s.gif = EGifOpen(&s.file, writeToSafeFile, &code);
    if (!s.gif)
        return fail(translated("cannot write '%1': %2").arg(path, GifErrorString(code)), error);
    s.size = size;
    s.palette = palette;

    std::array<GifColorType, 256> colours {};
    for (qsizetype i = 0; i < palette.size(); ++i)
        colours[std::size_t(i)] = {GifByteType(qRed(palette[i])), GifByteType(qGreen(palette[i])),
            GifByteType(qBlue(palette[i]))};
    ColorMapObject* map = GifMakeMapObject(256, colours.data());
    EGifSetGifVersion(s.gif, true); // GIF89a: delays, transparency, looping
    const bool described
        = EGifPutScreenDesc(s.gif, size.width(), size.height(), 8, 0, map) == GIF_OK;
    GifFreeMapObject(map);
    if (!described)
        return fail(
            translated("cannot write '%1': %2").arg(path, GifErrorString(s.gif->Error)), error);
    if (loop) {
        // The Netscape application extension, repeat count 0: play forever.
        static const GifByteType netscape[] = "NETSCAPE2.0";
        static const GifByteType repeatForever[] = {1, 0, 0};
        if (EGifPutExtensionLeader(s.gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK
            || EGifPutExtensionBlock(s.gif, 11, netscape) != GIF_OK
            || EGifPutExtensionBlock(s.gif, 3, repeatForever) != GIF_OK
            || EGifPutExtensionTrailer(s.gif) != GIF_OK)
            return fail(
                translated("cannot write '%1': %2").arg(path, GifErrorString(s.gif->Error)), error);
    }
    const std::size_t n = std::size_t(size.width()) * std::size_t(size.height());
    s.shown.assign(n, 0);
    s.pending.assign(n, 0);
    s.next.assign(n, 0);
    frames_ = 0;
    return true;
}

unsigned char GifWriter::nearest(QRgb colour)
{
    State& s = *state_;
    const int cell = cellOf(colour);
    if (s.cells[std::size_t(cell)] != unfilled)
        return static_cast<unsigned char>(s.cells[std::size_t(cell)]);
    constexpr int shift = 8 - cellBits;
    constexpr int half = 1 << (shift - 1);
    const int r = ((cell >> (2 * cellBits)) << shift) + half;
    const int g = (((cell >> cellBits) & ((1 << cellBits) - 1)) << shift) + half;
    const int b = ((cell & ((1 << cellBits) - 1)) << shift) + half;
    int best = 0;
    int bestDistance = std::numeric_limits<int>::max();
    for (qsizetype i = 0; i < s.palette.size(); ++i) {
        const int dr = qRed(s.palette[i]) - r, dg = qGreen(s.palette[i]) - g,
                  db = qBlue(s.palette[i]) - b;
        // Weighted as the eye weighs the channels (a common cheap approximation).
        const int distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = int(i);
        }
    }
    s.cells[std::size_t(cell)] = static_cast<unsigned short>(best);
    return static_cast<unsigned char>(best);
}

void GifWriter::index(const QImage& frame, std::vector<unsigned char>& out)
{
    const QImage rgb
        = frame.format() == QImage::Format_RGB32 || frame.format() == QImage::Format_ARGB32
        ? frame
        : frame.convertToFormat(QImage::Format_RGB32);
    const int w = state_->size.width(), h = state_->size.height();
    for (int y = 0; y < h; ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        unsigned char* target = out.data() + std::size_t(y) * std::size_t(w);
        QRgb lastColour = line[0] + 1; // runs of one colour are common: look up once
        unsigned char lastIndex = 0;
        for (int x = 0; x < w; ++x) {
            if (line[x] != lastColour) {
                lastColour = line[x];
                lastIndex = nearest(lastColour);
            }
            target[x] = lastIndex;
        }
    }
}

bool GifWriter::addFrame(const QImage& frame, int centiseconds, QString* error)
{
    if (!state_)
        return fail(translated("no GIF file is open"), error);
    State& s = *state_;
    if (frame.size() != s.size)
        return fail(translated("a frame of %1 × %2 pixels does not fit a GIF of %3 × %4")
                        .arg(frame.width())
                        .arg(frame.height())
                        .arg(s.size.width())
                        .arg(s.size.height()),
            error);
    centiseconds = std::max(1, centiseconds);
    index(frame, s.next);
    if (s.hasPending && s.next == s.pending) {
        s.pendingCentiseconds += centiseconds;
        return true;
    }
    if (s.hasPending && !writeFrame(s.pending, s.pendingCentiseconds, !s.wroteAny, error))
        return false;
    std::swap(s.pending, s.next);
    s.pendingCentiseconds = centiseconds;
    s.hasPending = true;
    ++frames_;
    return true;
}

bool GifWriter::writeFrame(
    const std::vector<unsigned char>& pixels, int centiseconds, bool first, QString* error)
{
    State& s = *state_;
    const int w = s.size.width(), h = s.size.height();
    // The rectangle that changed since what the viewer shows (all of it, first).
    int left = 0, top = 0, right = w - 1, bottom = h - 1;
    if (!first) {
        left = w;
        top = h;
        right = -1;
        bottom = -1;
        for (int y = 0; y < h; ++y) {
            const std::size_t row = std::size_t(y) * std::size_t(w);
            for (int x = 0; x < w; ++x)
                if (pixels[row + std::size_t(x)] != s.shown[row + std::size_t(x)]) {
                    left = std::min(left, x);
                    right = std::max(right, x);
                    top = std::min(top, y);
                    bottom = y;
                }
        }
        if (right < 0) { // cannot happen (identical frames merge), but stay valid
            left = top = right = bottom = 0;
        }
    }
    GraphicsControlBlock control {};
    control.DisposalMode = DISPOSE_DO_NOT; // frames build on each other
    control.UserInputFlag = false;
    control.DelayTime = std::min(centiseconds, 0xFFFF);
    control.TransparentColor = first ? NO_TRANSPARENT_COLOR : transparentIndex;
    GifByteType extension[4];
    const std::size_t length = EGifGCBToExtension(&control, extension);
    const int rw = right - left + 1;
    std::vector<GifPixelType> line(std::size_t(rw), 0);
    bool ok = EGifPutExtension(s.gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension) == GIF_OK
        && EGifPutImageDesc(s.gif, left, top, rw, bottom - top + 1, false, nullptr) == GIF_OK;
    for (int y = top; ok && y <= bottom; ++y) {
        const std::size_t row = std::size_t(y) * std::size_t(w);
        for (int x = left; x <= right; ++x) {
            const unsigned char value = pixels[row + std::size_t(x)];
            // Unchanged pixels are transparent: long runs of one code compress best.
            line[std::size_t(x - left)] = first || value != s.shown[row + std::size_t(x)]
                ? value
                : GifPixelType(transparentIndex);
        }
        ok = EGifPutLine(s.gif, line.data(), rw) == GIF_OK;
    }
    if (!ok)
        return fail(s.file.writeFailed()
                ? s.file.errorString()
                : translated("cannot write '%1': %2")
                      .arg(s.file.fileName(), QString::fromUtf8(GifErrorString(s.gif->Error))),
            error);
    s.shown = pixels;
    s.wroteAny = true;
    return true;
}

bool GifWriter::finish(int extraCentiseconds, QString* error)
{
    if (!state_)
        return fail(translated("no GIF file is open"), error);
    State& s = *state_;
    if (!s.hasPending)
        return fail(translated("cannot write '%1': no frames").arg(s.file.fileName()), error);
    if (!writeFrame(
            s.pending, s.pendingCentiseconds + std::max(0, extraCentiseconds), !s.wroteAny, error))
        return false;
    int code = 0;
    const bool closed = EGifCloseFile(s.gif, &code) == GIF_OK;
    s.gif = nullptr; // freed even when closing failed
    if (!closed)
        return fail(s.file.writeFailed()
                ? s.file.errorString()
                : translated("cannot write '%1': %2").arg(s.file.fileName(), GifErrorString(code)),
            error);
    if (!s.file.commit())
        return fail(s.file.errorString(), error);
    state_.reset();
    return true;
}

void GifWriter::cancel()
{
    if (!state_)
        return;
    if (state_->gif) {
        int code = 0;
        EGifCloseFile(state_->gif, &code); // frees it; the bytes go nowhere that stays
        state_->gif = nullptr;
    }
    state_->file.close(); // discards the temporary file
    state_.reset();
}

} // namespace optviz
