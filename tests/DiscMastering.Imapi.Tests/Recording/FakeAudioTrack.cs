namespace DiscMastering.Imapi.Tests.Recording;

/// <summary>One audio track as <see cref="FakeRecorderDevice.WriteAudio"/> received it, with the bytes it read from the samples.</summary>
internal sealed record FakeAudioTrack(int PregapSectors, long Sectors, string? Title, string? Performer, MemoryStream Bytes);
