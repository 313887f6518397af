namespace DiscMastering.Imapi.Recording;

/// <summary>Who a recorder is, as the original IMAPI wrapper showed it.</summary>
/// <param name="Address">How to name it again: a device path (<c>/dev/sr0</c>) or a backend's form (<c>stdio:/tmp/disc</c>).</param>
/// <param name="Vendor">The vendor from the drive's inquiry data.</param>
/// <param name="Product">The product name from the drive's inquiry data.</param>
/// <param name="Revision">The firmware revision.</param>
/// <param name="OsPath">The operating system's path to the drive.</param>
/// <param name="DriveLetter">The drive letter where the OS has one (Windows), else null.</param>
public sealed record RecorderIdentity(string Address, string Vendor, string Product, string Revision, string OsPath, string? DriveLetter);
