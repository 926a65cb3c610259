// Each test starts kernels (and TorchSharp) in child processes; one at a time keeps a small machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
