package dk.afstemning.architecture.cyclefixture.second;

import dk.afstemning.architecture.cyclefixture.first.Talkish;

/** The other half of the deliberate package cycle of {@code Talkish}. */
public class Pollish {

    public Talkish talk;
}
