package org.qbattery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"central,4", "star,4", "linear,4", "chain,4", "circular,5", "ring,5", "symmetric,10", "complete,10"})
    void namedGeometriesHaveTheRightEdgeCount(String name, int edges) {
        assertThat(Graph.named(name, 5, null).edges()).hasSize(edges);
    }

    @Test
    void edgeListParsesAndRejectsBadInput() {
        assertThat(Graph.fromEdges(3, "0-1, 1-2").edgeSpec()).isEqualTo("0-1,1-2");
        assertThatThrownBy(() -> Graph.fromEdges(3, "0-3")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Graph.fromEdges(3, "1-1")).hasMessageContaining("self-loop");
        assertThatThrownBy(() -> Graph.fromEdges(3, "0-1,1-0")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Graph.fromEdges(3, "0:1")).hasMessageContaining("expected pairs");
        assertThatThrownBy(() -> Graph.ring(2)).hasMessageContaining(">= 3");
        assertThatThrownBy(() -> Graph.named("hexagon", 3, null)).hasMessageContaining("unknown graph");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"0-1,", ",", ",0-1", "0-1,,1-2", "0-1-", "-0-1", "0-", "-", "0-1-2"})
    void emptyOrMalformedPairsAreRefusedNotSkipped(String spec) {
        assertThatThrownBy(() -> Graph.fromEdges(3, spec)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("expected pairs")
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("edges"));
    }

    /** Weights: "a-b:w" puts w into A (negative allowed), and the list reads back as written. */
    @Test
    void weightedEdgesParseIntoTheAdjacencyMatrixAndBack() {
        Graph g = Graph.fromEdges(4, "0-1:1.5, 1-2:-0.5,2-3");
        double[][] a = g.adjacency();
        assertThat(a[0][1]).isEqualTo(1.5);
        assertThat(a[1][0]).isEqualTo(1.5);
        assertThat(a[2][1]).isEqualTo(-0.5);
        assertThat(a[3][2]).isEqualTo(1.0);
        assertThat(a[0][2]).isZero();
        assertThat(g.unweighted()).isFalse();
        assertThat(g.edgeSpec()).isEqualTo("0-1:1.5,1-2:-0.5,2-3");
        assertThat(Graph.fromEdges(4, g.edgeSpec()).adjacency()).isDeepEqualTo(a);
        assertThat(Graph.fromEdges(3, "1-0:2").edgeSpec()).isEqualTo("0-1:2");
        Graph one = Graph.fromEdges(3, "0-1:1,1-2");
        assertThat(one.unweighted()).isTrue();
        assertThat(one.edgeSpec()).isEqualTo("0-1,1-2");
        assertThat(Graph.chain(4).unweighted()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"0-1:", "0-1:0", "0-1:-0", "0-1:x", "0-1:NaN", "0-1:Infinity", "0-1:1e400"})
    void badWeightsAreRefused(String spec) {
        assertThatThrownBy(() -> Graph.fromEdges(3, spec)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("weight").satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("edges"));
    }

    @Test
    void aWeightDoesNotMakeADuplicateNewAndTwoColonsAreNoWeight() {
        assertThatThrownBy(() -> Graph.fromEdges(3, "0-1,1-0:2")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Graph.fromEdges(3, "0-1:1:2")).hasMessageContaining("expected pairs");
    }

    /** A relabelling is a symmetry only if it maps every edge onto one of the same weight. */
    @Test
    void automorphismsRespectWeights() {
        int[] mirror = {3, 2, 1, 0};
        assertThat(Graph.fromEdges(4, "0-1:2,1-2:0.5,2-3:2").isAutomorphism(mirror)).isTrue();
        assertThat(Graph.fromEdges(4, "0-1:2,1-2:0.5,2-3").isAutomorphism(mirror)).isFalse();
        Graph g = Graph.fromEdges(4, "0-1:2,1-2:0.5,2-3");
        assertThat(g.relabel(mirror).adjacency()[3][2]).isEqualTo(2.0);
    }

    @Test
    void anEmptyListHasNoEdges() {
        assertThat(Graph.fromEdges(3, "").edges()).isEmpty();
        assertThat(Graph.fromEdges(3, "  ").edges()).isEmpty();
    }

    @Test
    void automorphismsOfTheChainAndRing() {
        assertThat(Graph.chain(5).isAutomorphism(new int[] {4, 3, 2, 1, 0})).isTrue();
        assertThat(Graph.chain(5).isAutomorphism(new int[] {1, 2, 3, 4, 0})).isFalse();
        assertThat(Graph.ring(5).isAutomorphism(new int[] {1, 2, 3, 4, 0})).isTrue();
    }
}
