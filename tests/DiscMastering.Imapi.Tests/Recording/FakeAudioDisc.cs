namespace DiscMastering.Imapi.Tests.Recording;

/// <summary>An audio disc as <see cref="FakeRecorderDevice.WriteAudio"/> received it: its CD-TEXT and tracks.</summary>
internal sealed record FakeAudioDisc(string? Title, string? Performer, List<FakeAudioTrack> Tracks);
