using System.Buffers;
using System.Diagnostics;
using DiscMastering.Imapi.Iso9660;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// Writes an audio CD's BIN image strictly in order through one pooled buffer: each track's pause as silence,
/// then its samples streamed from its WAV, then its padding. Every sector is written, silence included, so the
/// file is never sparse.
/// </summary>
internal static class BinWriter
{
    private static readonly long s_progressInterval = Stopwatch.Frequency / 10;

    public static void Write(
        AudioDiscLayout layout,
        IReadOnlyList<WaveFile> waves,
        SafeFileHandle output,
        IProgress<MasteringProgress>? progress,
        CancellationToken cancellationToken)
    {
        var total = layout.TotalSectors * RedbookConstants.SectorSize;
        var rented = ArrayPool<byte>.Shared.Rent(RedbookConstants.BufferSize);
        var lastReport = 0L;
        var position = 0L;
        try
        {
            // A rented array can be longer than asked and holds someone else's bytes.
            var buffer = rented.AsSpan(0, RedbookConstants.BufferSize);
            progress?.Report(new MasteringProgress(MasteringPhase.Writing, 0, total, 0, layout.Tracks.Count));
            for (var i = 0; i < layout.Tracks.Count; i++)
            {
                var track = layout.Tracks[i];
                buffer.Clear();
                for (var left = (long)track.PregapSectors * RedbookConstants.SectorSize; left > 0;)
                {
                    var count = (int)Math.Min(left, buffer.Length);
                    Append(output, buffer[..count], ref position, cancellationToken);
                    left -= count;
                }

                for (var offset = 0L; offset < track.Bytes;)
                {
                    var count = TrackSampleStream.Read(waves[i], track, offset, buffer);
                    Append(output, buffer[..count], ref position, cancellationToken);
                    offset += count;
                    var now = Stopwatch.GetTimestamp();
                    if (progress is not null && now - lastReport >= s_progressInterval)
                    {
                        lastReport = now;
                        progress.Report(new MasteringProgress(MasteringPhase.Writing, position, total, i, layout.Tracks.Count));
                    }
                }
            }

            progress?.Report(new MasteringProgress(MasteringPhase.Writing, position, total, layout.Tracks.Count, layout.Tracks.Count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Append(SafeFileHandle output, ReadOnlySpan<byte> bytes, ref long position, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            RandomAccess.Write(output, bytes, position);
        }
        catch (IOException e)
        {
            throw new DiscMasteringException(DiscMasteringError.WriteFailed, $"writing the BIN image failed ({e.Message}); check the free space where it is written.", e);
        }

        position += bytes.Length;
    }
}
