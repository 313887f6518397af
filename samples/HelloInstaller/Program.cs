Console.WriteLine("Hello from the installer disc.");
Console.WriteLine($"Running from {AppContext.BaseDirectory}");
