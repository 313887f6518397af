namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>What pycdlib reads from an image: both volume labels and the Joliet tree's files.</summary>
internal sealed record JolietListing(string JolietVolume, string PrimaryVolume, IReadOnlyList<DiscImageEntry> Files);
