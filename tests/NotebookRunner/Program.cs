Console.Error.WriteLine("NotebookRunner: not implemented yet");
return 2;
