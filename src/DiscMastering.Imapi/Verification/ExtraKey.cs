using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Verification;

/// <summary>
/// What makes an extra entry of one tree the same as one of another: the expected folder it was found in,
/// its kind, where its data lies (-1 for folders and unknown places) and its size, and its rank among the
/// parent's extra entries that share all of that.
/// </summary>
internal readonly record struct ExtraKey(DiscDirectory Parent, bool IsDirectory, long DataLocation, long Length, int Ordinal);
