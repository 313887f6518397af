using DiscMastering.Tool.Tests.Commands;

namespace DiscMastering.Tool.Tests.Native;

// Every command test again, against the native executable: each command, each progress mode, the errors,
// response files and SIGTERM.

[Collection(NativeToolCollection.Name)]
public sealed class NativeImageCommandTests(NativeToolFixture native) : ImageCommandTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativeImageCommandErrorTests(NativeToolFixture native) : ImageCommandErrorTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeImageCommandPipelineTests(NativeToolFixture native) : ImageCommandPipelineTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeInspectCommandTests(NativeToolFixture native) : InspectCommandTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeVerifyCommandTests(NativeToolFixture native) : VerifyCommandTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeExtractCommandTests(NativeToolFixture native) : ExtractCommandTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeAudioCommandTests(NativeToolFixture native, LongWaveFixture longWave) : AudioCommandTests(native.Discmaster, longWave);

[Collection(NativeToolCollection.Name)]
public sealed class NativeBurnCommandTests(NativeToolFixture native) : BurnCommandTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeRecordersCommandTests(NativeToolFixture native) : RecordersCommandTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeWithoutLibburnTests(NativeToolFixture native) : WithoutLibburnTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeImageCommandRockRidgeTests(NativeToolFixture native) : ImageCommandRockRidgeTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeImageCommandBootTests(NativeToolFixture native) : ImageCommandBootTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativeInspectRockRidgeAndBootTests(NativeToolFixture native) : InspectRockRidgeAndBootTests(native.Discmaster);

[Collection(NativeToolCollection.Name)]
public sealed class NativeRootCommandTests(NativeToolFixture native) : RootCommandTests(native.Discmaster);
