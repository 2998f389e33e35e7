package dev.bucketguard.terraform;

import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Channel;
import dev.bucketguard.model.Details;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.ResourceKind;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Clouds;
import dev.bucketguard.spi.Compliance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each cloud's own verdict, with the reasons that say what the plan could not show and how it was taken. */
final class PlanVerdicts implements Cloud {
    private final Cloud cloud;
    private final Map<String, Provenance> provenance;

    private PlanVerdicts(Cloud cloud, Map<String, Provenance> provenance) {
        this.cloud = cloud;
        this.provenance = provenance;
    }

    static Clouds of(Clouds base, Map<String, Provenance> provenance) {
        List<Cloud> wrapped = new ArrayList<>();
        base.all().forEach(c -> wrapped.add(new PlanVerdicts(c, provenance)));
        return Clouds.of(wrapped);
    }

    @Override
    public Verdict verdict(Resource resource, TrustZone trust) {
        Verdict v = cloud.verdict(resource, trust);
        Provenance p = provenance.get(resource.ref());
        if (p == null) {
            return v;
        }
        List<String> reasons = new ArrayList<>(v.reasons());
        for (Provenance.Mention m : p.notesWhenMentioned) {
            if (v.reasons().stream().anyMatch(r -> r.contains(m.key())) && !reasons.contains(m.note())) {
                reasons.add(m.note());
            }
        }
        p.notes.stream().filter(n -> !reasons.contains(n)).forEach(reasons::add);
        return new Verdict(v.exposure(), reasons, v.tags(), v.effects(), v.outsiders(), v.undecidedOutsiders(),
                v.unreadGrantFacts());
    }

    @Override
    public String id() {
        return cloud.id();
    }

    @Override
    public String displayName() {
        return cloud.displayName();
    }

    @Override
    public Set<ResourceKind> kinds() {
        return cloud.kinds();
    }

    @Override
    public Set<Fact> facts() {
        return cloud.facts();
    }

    @Override
    public Set<Fact> verdictFacts() {
        return cloud.verdictFacts();
    }

    @Override
    public Set<Channel> channels() {
        return cloud.channels();
    }

    @Override
    public Set<String> parentKinds() {
        return cloud.parentKinds();
    }

    @Override
    public Class<? extends Details> detailsType() {
        return cloud.detailsType();
    }

    @Override
    public List<String> problems(Resource resource) {
        return cloud.problems(resource);
    }

    @Override
    public List<Compliance> compliance() {
        return cloud.compliance();
    }
}
