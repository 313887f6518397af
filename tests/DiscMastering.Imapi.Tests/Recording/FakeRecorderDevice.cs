using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Tests.Recording;

/// <summary>
/// One in-memory drive: its identity, the media in it and that media's surface (a sparse map of 2048-byte blocks).
/// The drive is its own handle: <see cref="FakeRecorderBackend.Open"/> takes it and <see cref="Dispose"/> releases it,
/// so a second open while held is busy, as with a real drive taken for exclusive use.
/// </summary>
internal sealed class FakeRecorderDevice : IRecorderDevice
{
    public const int BlockSize = 2048;

    /// <summary>An 80-minute CD-R in 2048-byte blocks.</summary>
    public const long CdCapacity = 359_849;

    /// <summary>A single-layer DVD+RW in 2048-byte blocks.</summary>
    public const long DvdCapacity = 2_295_104;

    /// <summary>Where the second session of <see cref="AppendableCdr"/> starts, after session 1 and its lead-out and lead-in.</summary>
    public const long SecondSessionStart = 16_400;

    /// <summary>The next writable address of <see cref="AppendableCdr"/>, after track 2 and the gap before another session.</summary>
    public const long AppendableNextWritable = 26_300;

    // A real drive waits for the lead-out; this one waits for cancellation, with a bound so a broken test fails instead of hanging.
    private static readonly TimeSpan s_blockTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<long, byte[]> _surface = [];
    private bool _ejectRequested;

    public FakeRecorderDevice(string address, string vendor = "FAKE", string product = "DVD-RW DRIVE", string revision = "1.00")
    {
        Identity = new RecorderIdentity(address, vendor, product, revision, address, DriveLetter: null);
    }

    public RecorderIdentity Identity { get; }

    /// <summary>What <see cref="GetMediaDetails"/> answers; recording and erasing change it as a drive would.</summary>
    public MediaDetails Media { get; set; } = MediaDetails.None;

    /// <summary>Open throws <see cref="DiscMasteringError.RecorderBusy"/>, as when another process holds the drive.</summary>
    public bool Busy { get; set; }

    /// <summary>After this many blocks, WriteData fails with <see cref="DiscMasteringError.RecordingFailed"/>.</summary>
    public long? FailAfterBlocks { get; set; }

    /// <summary>After this many blocks, WriteData waits until its token is cancelled.</summary>
    public long? BlockAfterBlocks { get; set; }

    /// <summary>Set when WriteData has started waiting for cancellation.</summary>
    public ManualResetEventSlim Blocking { get; } = new();

    public bool IsHeld { get; private set; }

    public int Opens { get; private set; }

    public int Releases { get; private set; }

    /// <summary>Releases that opened the tray, because EjectOnRelease was set while held.</summary>
    public int Ejects { get; private set; }

    public int PropertyReads { get; private set; }

    public long BlocksWritten { get; private set; }

    public int Erases { get; private set; }

    public bool? LastEraseFull { get; private set; }

    public RecordOptions? LastOptions { get; private set; }

    /// <summary>The audio discs WriteAudio was given, in order, as it read them.</summary>
    public List<FakeAudioDisc> AudioDiscs { get; } = [];

    /// <summary>Blocks on the surface, by address.</summary>
    public IReadOnlyDictionary<long, byte[]> Surface => _surface;

    public static MediaDetails BlankCdr() => new()
    {
        MediaPresent = true,
        MediaType = "CD-R",
        Profile = 0x0009,
        FreeBlocks = CdCapacity,
        Flags = MediaFlags.Writable | MediaFlags.Blank,
    };

    public static MediaDetails ClosedCdr() => new()
    {
        MediaPresent = true,
        MediaType = "CD-R",
        Profile = 0x0009,
        Sessions = 1,
        LastTrack = 1,
        Flags = MediaFlags.Closed,
    };

    public static MediaDetails AppendableCdr() => new()
    {
        MediaPresent = true,
        MediaType = "CD-R",
        Profile = 0x0009,
        Sessions = 2,
        LastTrack = 2,
        StartAddress = SecondSessionStart,
        NextWritable = AppendableNextWritable,
        FreeBlocks = CdCapacity - AppendableNextWritable,
        Flags = MediaFlags.Writable | MediaFlags.Appendable,
    };

    public static MediaDetails BlankCdrw() => new()
    {
        MediaPresent = true,
        MediaType = "CD-RW",
        Profile = 0x000A,
        FreeBlocks = CdCapacity,
        Flags = MediaFlags.Writable | MediaFlags.Rewritable | MediaFlags.Blank,
    };

    public static MediaDetails ClosedCdrw() => new()
    {
        MediaPresent = true,
        MediaType = "CD-RW",
        Profile = 0x000A,
        Sessions = 1,
        LastTrack = 1,
        Flags = MediaFlags.Rewritable | MediaFlags.Closed,
    };

    public static MediaDetails DvdPlusRw() => new()
    {
        MediaPresent = true,
        MediaType = "DVD+RW",
        Profile = 0x001A,
        Sessions = 1,
        LastTrack = 1,
        FreeBlocks = DvdCapacity,
        Flags = MediaFlags.Writable | MediaFlags.Rewritable,
    };

    /// <summary>A pseudo-drive's file, as libburn reports a <c>stdio:</c> drive: MMC has no profile for it, libburn says 0xFFFF.</summary>
    public static MediaDetails StdioFile() => new()
    {
        MediaPresent = true,
        MediaType = "stdio file",
        Profile = 0xFFFF,
        FreeBlocks = DvdCapacity,
        Flags = MediaFlags.Writable | MediaFlags.Rewritable | MediaFlags.Blank,
    };

    /// <summary>Inserts media with <paramref name="blocks"/> blocks of data at <paramref name="start"/>, each filled with its own address.</summary>
    public void Insert(MediaDetails media, long start = 0, long blocks = 0)
    {
        Media = media;
        _surface.Clear();
        for (var block = start; block < start + blocks; block++)
        {
            _surface[block] = Filled(block);
        }
    }

    /// <summary>A block whose bytes tell which address it was put at.</summary>
    public static byte[] Filled(long block)
    {
        var bytes = new byte[BlockSize];
        bytes.AsSpan().Fill((byte)(block % 251 + 1));
        return bytes;
    }

    /// <summary>Called by the backend: takes the drive for exclusive use.</summary>
    public void Take()
    {
        if (Busy || IsHeld)
        {
            throw new DiscMasteringException(DiscMasteringError.RecorderBusy, $"{Identity.Address} is in use by another process.");
        }

        IsHeld = true;
        Opens++;
    }

    public IReadOnlyList<RecorderProperty> GetProperties()
    {
        RequireHeld();
        PropertyReads++;
        return [new RecorderProperty(1, "Vendor", Identity.Vendor), new RecorderProperty(2, "Product", Identity.Product)];
    }

    public MediaDetails GetMediaDetails()
    {
        RequireHeld();
        return Media;
    }

    public void WriteData(Stream image, long blocks, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        RequireHeld();
        LastOptions = options;
        var start = Media.NextWritable;
        var buffer = new byte[BlockSize];
        for (long done = 0; done < blocks; done++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (done == FailAfterBlocks)
            {
                throw new DiscMasteringException(DiscMasteringError.RecordingFailed, $"{Identity.Address} reported a write error at block {start + done}.");
            }

            if (done == BlockAfterBlocks)
            {
                Blocking.Set();
                cancellationToken.WaitHandle.WaitOne(s_blockTimeout);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException("the write was never cancelled");
            }

            var read = image.ReadAtLeast(buffer, BlockSize, throwOnEndOfStream: false);
            buffer.AsSpan(read).Clear();
            if (!options.Simulate)
            {
                _surface[start + done] = buffer.ToArray();
                BlocksWritten++;
            }

            progress.Report(new RecordingProgress(RecordingPhase.Writing, done + 1, blocks, 1, 1));
        }

        progress.Report(new RecordingProgress(RecordingPhase.Closing, blocks, blocks, 1, 1));
        progress.Report(new RecordingProgress(RecordingPhase.Closing, blocks, blocks, 1, 1));
        if (!options.Simulate)
        {
            Media = Recorded(Media, blocks, options.Appendable);
        }
    }

    /// <summary>
    /// Reads every track's sectors as a drive would take them, counting sectors across the disc for
    /// <see cref="FailAfterBlocks"/> and <see cref="BlockAfterBlocks"/>; refuses media other than CD-R and CD-RW with
    /// <see cref="DiscMasteringError.AudioNeedsCd"/>, as libburn refuses audio on a pseudo-drive.
    /// </summary>
    public void WriteAudio(AudioDisc disc, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        RequireHeld();
        LastOptions = options;
        if (Media.Profile is not (0x0009 or 0x000A))
        {
            throw new DiscMasteringException(DiscMasteringError.AudioNeedsCd, $"{Identity.Address} takes data only; use audio -o disc.cue for an image.");
        }

        var written = new FakeAudioDisc(disc.Title, disc.Performer, []);
        AudioDiscs.Add(written);
        var total = disc.Tracks.Sum(t => t.Sectors);
        var sector = new byte[AudioDisc.SectorSize];
        long done = 0;
        for (var index = 0; index < disc.Tracks.Count; index++)
        {
            var track = disc.Tracks[index];
            var bytes = new MemoryStream();
            written.Tracks.Add(new FakeAudioTrack(track.PregapSectors, track.Sectors, track.Title, track.Performer, bytes));
            for (long i = 0; i < track.Sectors; i++, done++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (done == FailAfterBlocks)
                {
                    throw new DiscMasteringException(DiscMasteringError.RecordingFailed, $"{Identity.Address} reported a write error in track {index + 1}.");
                }

                if (done == BlockAfterBlocks)
                {
                    Blocking.Set();
                    cancellationToken.WaitHandle.WaitOne(s_blockTimeout);
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new TimeoutException("the write was never cancelled");
                }

                var read = track.Samples.ReadAtLeast(sector, sector.Length, throwOnEndOfStream: false);
                sector.AsSpan(read).Clear();
                bytes.Write(sector);
                if (!options.Simulate)
                {
                    BlocksWritten++;
                }

                progress.Report(new RecordingProgress(RecordingPhase.Writing, done + 1, total, index + 1, disc.Tracks.Count));
            }
        }

        progress.Report(new RecordingProgress(RecordingPhase.Closing, total, total, disc.Tracks.Count, disc.Tracks.Count));
        if (!options.Simulate)
        {
            Media = Recorded(Media, disc.TotalSectors, options.Appendable);
        }
    }

    public void Erase(bool full, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        RequireHeld();
        if (!Media.Flags.HasFlag(MediaFlags.Rewritable))
        {
            throw new InvalidOperationException("the fake drive was asked to blank media that is not rewritable");
        }

        var total = full ? CdCapacity : 0;
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress.Report(new RecordingProgress(RecordingPhase.Erasing, total * quarter / 4, total, 0, 0));
        }

        _surface.Clear();
        Erases++;
        LastEraseFull = full;
        Media = Media with
        {
            Sessions = 0,
            LastTrack = 0,
            StartAddress = 0,
            NextWritable = 0,
            FreeBlocks = Media.Profile == 0x001A ? DvdCapacity : CdCapacity,
            Flags = MediaFlags.Writable | MediaFlags.Rewritable | MediaFlags.Blank,
        };
    }

    public int ReadBlocks(long block, Span<byte> destination)
    {
        RequireHeld();
        if (!Media.MediaPresent)
        {
            throw new DiscMasteringException(DiscMasteringError.ReadBackFailed, $"there is no media in {Identity.Address}.");
        }

        // A drive reads up to the end of what was recorded; a gap inside reads as zeros.
        var end = _surface.Count == 0 ? 0 : _surface.Keys.Max() + 1;
        var count = (int)Math.Clamp(end - block, 0, destination.Length / BlockSize);
        for (var i = 0; i < count; i++)
        {
            var target = destination.Slice(i * BlockSize, BlockSize);
            if (_surface.TryGetValue(block + i, out var bytes))
            {
                bytes.CopyTo(target);
            }
            else
            {
                target.Clear();
            }
        }

        return count * BlockSize;
    }

    public void EjectOnRelease()
    {
        RequireHeld();
        _ejectRequested = true;
    }

    public void Dispose()
    {
        if (!IsHeld)
        {
            return;
        }

        IsHeld = false;
        Releases++;
        if (_ejectRequested)
        {
            _ejectRequested = false;
            Ejects++;
        }
    }

    private static MediaDetails Recorded(MediaDetails media, long blocks, bool appendable)
    {
        if (media.Profile == 0x001A)
        {
            // Overwritable media keeps one session that grows.
            return media with { Sessions = 1, LastTrack = 1 };
        }

        var start = media.NextWritable;
        var next = start + blocks + (media.Sessions == 0 ? 11_400 : 6_900);
        var kept = media.Flags & MediaFlags.Rewritable;
        return media with
        {
            Sessions = media.Sessions + 1,
            LastTrack = media.LastTrack + 1,
            StartAddress = start,
            NextWritable = appendable ? next : 0,
            FreeBlocks = appendable ? Math.Max(0, media.FreeBlocks - (next - start)) : 0,
            Flags = kept | (appendable ? MediaFlags.Writable | MediaFlags.Appendable : MediaFlags.Closed),
        };
    }

    private void RequireHeld()
    {
        if (!IsHeld)
        {
            throw new InvalidOperationException($"{Identity.Address} was used without being opened, or after it was released");
        }
    }
}
