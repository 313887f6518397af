namespace DiscMastering.Imapi.Recording;

/// <summary>How a recorder writes.</summary>
public sealed record RecordOptions
{
    /// <summary>Runs the whole write with the laser off: nothing reaches the media.</summary>
    public bool Simulate { get; init; }

    /// <summary>Leaves the disc appendable so a later session can follow; otherwise the disc is closed.</summary>
    public bool Appendable { get; init; }

    /// <summary>Lets the drive pause instead of failing when data arrives too slowly (BURN-Proof and the like).</summary>
    public bool BufferUnderrunProtection { get; init; } = true;

    /// <summary>Write speed as a multiple of the media's 1x (CD 176.4 kB/s, DVD 1385 kB/s, BD 4495 kB/s); null for the fastest.</summary>
    public double? Speed { get; init; }

    /// <summary>Opens the tray when done.</summary>
    public bool Eject { get; init; }
}
