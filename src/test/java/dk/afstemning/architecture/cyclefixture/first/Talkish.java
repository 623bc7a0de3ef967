package dk.afstemning.architecture.cyclefixture.first;

import dk.afstemning.architecture.cyclefixture.second.Pollish;

/** Half of a deliberate package cycle, for {@code ArchitectureTest}: its rules must fail on this pair. */
public class Talkish {

    public Pollish poll;
}
