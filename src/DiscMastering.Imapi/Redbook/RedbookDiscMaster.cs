using System.Diagnostics;
using System.Text;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// An audio CD (Red Book, IEC 60908) made from WAV files: its layout, checked against the disc's playing time
/// when it is built, written as a CUE/BIN image or handed to a recorder as an <see cref="AudioDisc"/>.
/// The WAV files stay open until it is disposed; samples are read from them as they are written.
/// </summary>
public sealed class RedbookDiscMaster : IDisposable
{
    private readonly WaveFile[] _waves;
    private readonly AudioDiscLayout _layout;
    private bool _disposed;

    /// <summary>
    /// Reads the headers of <paramref name="wavePaths"/> (one track each, in order) and lays the disc out.
    /// Fails with a <see cref="DiscMasteringException"/> (DM4001-DM4006, DM4009) carrying every file's problem.
    /// </summary>
    public RedbookDiscMaster(IEnumerable<string> wavePaths, RedbookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(wavePaths);
        var paths = wavePaths.ToList();
        options ??= new RedbookOptions();
        // The cheap checks come before any file is opened.
        AudioDiscLayout.CheckOptions(options, paths.Count);
        Title = options.Title;
        Performer = options.Performer;

        var waves = new List<WaveFile>(paths.Count);
        var problems = new List<DiscMasteringException>();
        try
        {
            foreach (var path in paths)
            {
                try
                {
                    waves.Add(WaveReader.Open(path));
                }
                catch (DiscMasteringException e)
                {
                    problems.Add(e);
                }
            }

            DiscMasteringException.ThrowIfAny(problems);
            _waves = waves.ToArray();
            _layout = AudioDiscLayout.Create(_waves, options);
        }
        catch
        {
            waves.ForEach(w => w.Dispose());
            throw;
        }
    }

    /// <summary>Bytes in one audio sector (block): 2352.</summary>
    public int BlockSize => RedbookConstants.SectorSize;

    /// <summary>Sectors the chosen media plays: 333,000 (cd74) or 360,000 (cd80), the 2-second lead included.</summary>
    public long TotalBlocks => _layout.CapacitySectors;

    /// <summary>Sectors the tracks take, pauses and padding included: the BIN image's size in sectors.</summary>
    public long UsedBlocks => _layout.TotalSectors;

    /// <summary>Sectors left on the media.</summary>
    public long AvailableBlocks => TotalBlocks - UsedBlocks;

    /// <summary>The number of tracks, 1 to 99.</summary>
    public int TrackCount => _layout.Tracks.Count;

    /// <summary>Every track's place on the disc and its CD-TEXT, in order.</summary>
    public IReadOnlyList<RedbookTrack> Tracks => _layout.Tracks;

    /// <summary>CD-TEXT album title, or null.</summary>
    public string? Title { get; }

    /// <summary>CD-TEXT album performer, or null.</summary>
    public string? Performer { get; }

    /// <summary>What the disc was made despite: tracks padded to 4 seconds (DM4010), one per file.</summary>
    public IReadOnlyList<AudioWarning> Warnings => _layout.Warnings;

    /// <summary>The BIN image's size in bytes.</summary>
    public long BinBytes => UsedBlocks * RedbookConstants.SectorSize;

    /// <summary>The BIN image written beside <paramref name="cuePath"/>: its name with the extension .bin.</summary>
    public static string BinPathFor(string cuePath) => Path.ChangeExtension(Path.GetFullPath(cuePath), ".bin");

    /// <summary>
    /// Writes the cue sheet <paramref name="cuePath"/> and the BIN image beside it (<see cref="BinPathFor"/>).
    /// Both are written under temporary names and renamed only when both are complete, so a failure or a
    /// cancellation leaves neither (and any older pair unchanged). The summary counts tracks as files.
    /// </summary>
    public MasteringSummary WriteCueBin(string cuePath, IProgress<MasteringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cuePath);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var stopwatch = Stopwatch.StartNew();
        var cue = Path.GetFullPath(cuePath);
        var bin = BinPathFor(cue);
        CheckOutputs(cue, bin);

        var text = CueSheetWriter.Write(Path.GetFileName(bin), Title, Performer, _layout.Tracks);
        using (var binFile = ImageFile.Create(bin))
        using (var cueFile = ImageFile.Create(cue))
        {
            BinWriter.Write(_layout, _waves, binFile.Handle, progress, cancellationToken);
            RandomAccess.Write(cueFile.Handle, new UTF8Encoding(false).GetBytes(text), 0);
            cancellationToken.ThrowIfCancellationRequested();
            // The BIN first: a cue sheet never names a BIN that is not there yet.
            binFile.Commit();
            cueFile.Commit();
        }

        var audioBytes = _layout.Tracks.Sum(t => t.AudioBytes);
        return new MasteringSummary(cue, TrackCount, 0, audioBytes, BinBytes, stopwatch.Elapsed);
    }

    /// <summary>
    /// The disc as a recorder takes it: each track's <see cref="AudioTrack.Samples"/> produces exactly the bytes the
    /// BIN image holds from its INDEX 01 to its end (padding included), with 150 pregap sectors for track 1 and the
    /// gap for the others, and the CD-TEXT. The streams read from this master's open files: use them before it is
    /// disposed.
    /// </summary>
    public AudioDisc CreateAudioDisc()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var tracks = _layout.Tracks
            .Select((t, i) => new AudioTrack(new TrackSampleStream(_waves[i], t), t.Sectors, t.PregapSectors, t.Title, t.Performer))
            .ToList();
        return new AudioDisc(tracks, Title, Performer);
    }

    /// <summary>Closes the WAV files.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var wave in _waves)
        {
            wave.Dispose();
        }
    }

    private void CheckOutputs(string cue, string bin)
    {
        if (Directory.Exists(cue) || Directory.Exists(bin))
        {
            throw new DiscMasteringException(
                DiscMasteringError.OutputNotWritable,
                $"the cue sheet path '{cue}' or its BIN '{bin}' is a folder; name a file, such as {Path.Combine(cue, "disc.cue")}.");
        }

        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(cue, bin, comparison))
        {
            throw new DiscMasteringException(DiscMasteringError.InvalidAudioOption, $"the cue sheet '{cue}' would be its own BIN image; name it with the extension .cue.");
        }

        if (_waves.FirstOrDefault(w => string.Equals(w.Path, cue, comparison) || string.Equals(w.Path, bin, comparison)) is { } input)
        {
            throw new DiscMasteringException(DiscMasteringError.InvalidAudioOption, $"the cue sheet '{cue}' and its BIN would replace the track '{input.Path}'; write them elsewhere with -o.");
        }

        if (Path.GetFileName(bin).Any(c => c == '"' || char.IsControl(c)))
        {
            throw new DiscMasteringException(DiscMasteringError.InvalidAudioOption, $"the BIN name '{Path.GetFileName(bin)}' holds a double quote or a control character, which a cue sheet cannot name; choose another name with -o.");
        }
    }
}
