import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace org. */
export namespace org {

    /** Namespace eclipse. */
    namespace eclipse {

        /** Namespace tahu. */
        namespace tahu {

            /** Namespace protobuf. */
            namespace protobuf {

                /**
                 * Properties of a Payload.
                 * @deprecated Use org.eclipse.tahu.protobuf.Payload.$Properties instead.
                 */
                interface IPayload extends org.eclipse.tahu.protobuf.Payload.$Properties {
                }

                /** Represents a Payload. */
                class Payload {

                    /**
                     * Constructs a new Payload.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: org.eclipse.tahu.protobuf.Payload.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** Payload timestamp. */
                    timestamp: (number|Long);

                    /** Payload metrics. */
                    metrics: org.eclipse.tahu.protobuf.Payload.Metric.$Properties[];

                    /** Payload seq. */
                    seq: (number|Long);

                    /** Payload uuid. */
                    uuid: string;

                    /** Payload body. */
                    body: Uint8Array;

                    /**
                     * Creates a new Payload instance using the specified properties.
                     * @param [properties] Properties to set
                     * @returns Payload instance
                     */
                    static create(properties: org.eclipse.tahu.protobuf.Payload.$Shape): org.eclipse.tahu.protobuf.Payload & org.eclipse.tahu.protobuf.Payload.$Shape;
                    static create(properties?: org.eclipse.tahu.protobuf.Payload.$Properties): org.eclipse.tahu.protobuf.Payload;

                    /**
                     * Encodes the specified Payload message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.verify|verify} messages.
                     * @param message Payload message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: org.eclipse.tahu.protobuf.Payload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a Payload message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {org.eclipse.tahu.protobuf.Payload & org.eclipse.tahu.protobuf.Payload.$Shape} Payload
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload & org.eclipse.tahu.protobuf.Payload.$Shape;
                }

                namespace Payload {

                    /** Properties of a Payload. */
                    interface $Properties {

                        /** Payload timestamp */
                        timestamp?: (number|Long|null);

                        /** Payload metrics */
                        metrics?: (org.eclipse.tahu.protobuf.Payload.Metric.$Properties[]|null);

                        /** Payload seq */
                        seq?: (number|Long|null);

                        /** Payload uuid */
                        uuid?: (string|null);

                        /** Payload body */
                        body?: (Uint8Array|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a Payload. */
                    type $Shape = {
                      timestamp?: number|Long|null;
                      metrics?: org.eclipse.tahu.protobuf.Payload.Metric.$Shape[]|null;
                      seq?: number|Long|null;
                      uuid?: string|null;
                      body?: Uint8Array|null;
                      $unknowns?: Uint8Array[];
                    };

                    /**
                     * Properties of a Template.
                     * @deprecated Use org.eclipse.tahu.protobuf.Payload.Template.$Properties instead.
                     */
                    interface ITemplate extends org.eclipse.tahu.protobuf.Payload.Template.$Properties {
                    }

                    /** Represents a Template. */
                    class Template {

                        /**
                         * Constructs a new Template.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: org.eclipse.tahu.protobuf.Payload.Template.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** Template version. */
                        version: string;

                        /** Template metrics. */
                        metrics: org.eclipse.tahu.protobuf.Payload.Metric.$Properties[];

                        /** Template parameters. */
                        parameters: org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Properties[];

                        /** Template templateRef. */
                        templateRef: string;

                        /** Template isDefinition. */
                        isDefinition: boolean;

                        /**
                         * Creates a new Template instance using the specified properties.
                         * @param [properties] Properties to set
                         * @returns Template instance
                         */
                        static create(properties: org.eclipse.tahu.protobuf.Payload.Template.$Shape): org.eclipse.tahu.protobuf.Payload.Template & org.eclipse.tahu.protobuf.Payload.Template.$Shape;
                        static create(properties?: org.eclipse.tahu.protobuf.Payload.Template.$Properties): org.eclipse.tahu.protobuf.Payload.Template;

                        /**
                         * Encodes the specified Template message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.Template.verify|verify} messages.
                         * @param message Template message or plain object to encode
                         * @param [writer] Writer to encode to
                         * @returns Writer
                         */
                        static encode(message: org.eclipse.tahu.protobuf.Payload.Template.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                        /**
                         * Decodes a Template message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {org.eclipse.tahu.protobuf.Payload.Template & org.eclipse.tahu.protobuf.Payload.Template.$Shape} Template
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.Template & org.eclipse.tahu.protobuf.Payload.Template.$Shape;
                    }

                    namespace Template {

                        /** Properties of a Template. */
                        interface $Properties {

                            /** Template version */
                            version?: (string|null);

                            /** Template metrics */
                            metrics?: (org.eclipse.tahu.protobuf.Payload.Metric.$Properties[]|null);

                            /** Template parameters */
                            parameters?: (org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Properties[]|null);

                            /** Template templateRef */
                            templateRef?: (string|null);

                            /** Template isDefinition */
                            isDefinition?: (boolean|null);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Shape of a Template. */
                        type $Shape = {
                          version?: string|null;
                          metrics?: org.eclipse.tahu.protobuf.Payload.Metric.$Shape[]|null;
                          parameters?: org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Shape[]|null;
                          templateRef?: string|null;
                          isDefinition?: boolean|null;
                          $unknowns?: Uint8Array[];
                        };

                        /**
                         * Properties of a Parameter.
                         * @deprecated Use org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Properties instead.
                         */
                        interface IParameter extends org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Properties {
                        }

                        /** Represents a Parameter. */
                        class Parameter {

                            /**
                             * Constructs a new Parameter.
                             * @param [properties] Properties to set
                             */
                            constructor(properties?: org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Properties);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];

                            /** Parameter name. */
                            name: string;

                            /** Parameter type. */
                            type: number;

                            /** Parameter intValue. */
                            intValue?: (number|null);

                            /** Parameter longValue. */
                            longValue?: (number|Long|null);

                            /** Parameter floatValue. */
                            floatValue?: (number|null);

                            /** Parameter doubleValue. */
                            doubleValue?: (number|null);

                            /** Parameter booleanValue. */
                            booleanValue?: (boolean|null);

                            /** Parameter stringValue. */
                            stringValue?: (string|null);

                            /** Parameter extensionValue. */
                            extensionValue?: (org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Properties|null);

                            /** Parameter value. */
                            value?: ("intValue"|"longValue"|"floatValue"|"doubleValue"|"booleanValue"|"stringValue"|"extensionValue");

                            /**
                             * Creates a new Parameter instance using the specified properties.
                             * @param [properties] Properties to set
                             * @returns Parameter instance
                             */
                            static create(properties: org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Shape): org.eclipse.tahu.protobuf.Payload.Template.Parameter & org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Shape;
                            static create(properties?: org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Properties): org.eclipse.tahu.protobuf.Payload.Template.Parameter;

                            /**
                             * Encodes the specified Parameter message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.Template.Parameter.verify|verify} messages.
                             * @param message Parameter message or plain object to encode
                             * @param [writer] Writer to encode to
                             * @returns Writer
                             */
                            static encode(message: org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                            /**
                             * Decodes a Parameter message from the specified reader or buffer.
                             * @param reader Reader or buffer to decode from
                             * @param [length] Message length if known beforehand
                             * @returns {org.eclipse.tahu.protobuf.Payload.Template.Parameter & org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Shape} Parameter
                             * @throws {Error} If the payload is not a reader or valid buffer
                             * @throws {$protobuf.util.ProtocolError} If required fields are missing
                             */
                            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.Template.Parameter & org.eclipse.tahu.protobuf.Payload.Template.Parameter.$Shape;
                        }

                        namespace Parameter {

                            /** Properties of a Parameter. */
                            interface $Properties {

                                /** Parameter name */
                                name?: (string|null);

                                /** Parameter type */
                                type?: (number|null);

                                /** Parameter intValue */
                                intValue?: (number|null);

                                /** Parameter longValue */
                                longValue?: (number|Long|null);

                                /** Parameter floatValue */
                                floatValue?: (number|null);

                                /** Parameter doubleValue */
                                doubleValue?: (number|null);

                                /** Parameter booleanValue */
                                booleanValue?: (boolean|null);

                                /** Parameter stringValue */
                                stringValue?: (string|null);

                                /** Parameter extensionValue */
                                extensionValue?: (org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Properties|null);

                                /** Parameter value */
                                value?: ("intValue"|"longValue"|"floatValue"|"doubleValue"|"booleanValue"|"stringValue"|"extensionValue");

                                /** Unknown fields preserved while decoding when enabled */
                                $unknowns?: Uint8Array[];
                            }

                            /** Narrowed shape of a Parameter. */
                            type $Shape = {
                              name?: string|null;
                              type?: number|null;
                              intValue?: number|null;
                              longValue?: number|Long|null;
                              floatValue?: number|null;
                              doubleValue?: number|null;
                              booleanValue?: boolean|null;
                              stringValue?: string|null;
                              extensionValue?: org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Shape|null;
                              $unknowns?: Uint8Array[];
                            } & (
                              ({ value?: undefined; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "intValue"; intValue: number; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "longValue"; intValue?: null; longValue: number|Long; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "floatValue"; intValue?: null; longValue?: null; floatValue: number; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "doubleValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue: number; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "booleanValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue: boolean; stringValue?: null; extensionValue?: null }|{ value?: "stringValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue: string; extensionValue?: null }|{ value?: "extensionValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue: org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Shape })
                            );

                            /**
                             * Properties of a ParameterValueExtension.
                             * @deprecated Use org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Properties instead.
                             */
                            interface IParameterValueExtension extends org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Properties {
                            }

                            /** Represents a ParameterValueExtension. */
                            class ParameterValueExtension {

                                /**
                                 * Constructs a new ParameterValueExtension.
                                 * @param [properties] Properties to set
                                 */
                                constructor(properties?: org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Properties);

                                /** Unknown fields preserved while decoding when enabled */
                                $unknowns?: Uint8Array[];

                                /**
                                 * Creates a new ParameterValueExtension instance using the specified properties.
                                 * @param [properties] Properties to set
                                 * @returns ParameterValueExtension instance
                                 */
                                static create(properties: org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Shape): org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension & org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Shape;
                                static create(properties?: org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Properties): org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension;

                                /**
                                 * Encodes the specified ParameterValueExtension message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.verify|verify} messages.
                                 * @param message ParameterValueExtension message or plain object to encode
                                 * @param [writer] Writer to encode to
                                 * @returns Writer
                                 */
                                static encode(message: org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                                /**
                                 * Decodes a ParameterValueExtension message from the specified reader or buffer.
                                 * @param reader Reader or buffer to decode from
                                 * @param [length] Message length if known beforehand
                                 * @returns {org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension & org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Shape} ParameterValueExtension
                                 * @throws {Error} If the payload is not a reader or valid buffer
                                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                                 */
                                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension & org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Shape;
                            }

                            namespace ParameterValueExtension {

                                /** Properties of a ParameterValueExtension. */
                                interface $Properties {

                                    /** Unknown fields preserved while decoding when enabled */
                                    $unknowns?: Uint8Array[];
                                }

                                /** Shape of a ParameterValueExtension. */
                                type $Shape = org.eclipse.tahu.protobuf.Payload.Template.Parameter.ParameterValueExtension.$Properties;
                            }
                        }
                    }

                    /**
                     * Properties of a DataSet.
                     * @deprecated Use org.eclipse.tahu.protobuf.Payload.DataSet.$Properties instead.
                     */
                    interface IDataSet extends org.eclipse.tahu.protobuf.Payload.DataSet.$Properties {
                    }

                    /** Represents a DataSet. */
                    class DataSet {

                        /**
                         * Constructs a new DataSet.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: org.eclipse.tahu.protobuf.Payload.DataSet.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** DataSet numOfColumns. */
                        numOfColumns: (number|Long);

                        /** DataSet columns. */
                        columns: string[];

                        /** DataSet types. */
                        types: number[];

                        /** DataSet rows. */
                        rows: org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Properties[];

                        /**
                         * Creates a new DataSet instance using the specified properties.
                         * @param [properties] Properties to set
                         * @returns DataSet instance
                         */
                        static create(properties: org.eclipse.tahu.protobuf.Payload.DataSet.$Shape): org.eclipse.tahu.protobuf.Payload.DataSet & org.eclipse.tahu.protobuf.Payload.DataSet.$Shape;
                        static create(properties?: org.eclipse.tahu.protobuf.Payload.DataSet.$Properties): org.eclipse.tahu.protobuf.Payload.DataSet;

                        /**
                         * Encodes the specified DataSet message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.DataSet.verify|verify} messages.
                         * @param message DataSet message or plain object to encode
                         * @param [writer] Writer to encode to
                         * @returns Writer
                         */
                        static encode(message: org.eclipse.tahu.protobuf.Payload.DataSet.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                        /**
                         * Decodes a DataSet message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {org.eclipse.tahu.protobuf.Payload.DataSet & org.eclipse.tahu.protobuf.Payload.DataSet.$Shape} DataSet
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.DataSet & org.eclipse.tahu.protobuf.Payload.DataSet.$Shape;
                    }

                    namespace DataSet {

                        /** Properties of a DataSet. */
                        interface $Properties {

                            /** DataSet numOfColumns */
                            numOfColumns?: (number|Long|null);

                            /** DataSet columns */
                            columns?: (string[]|null);

                            /** DataSet types */
                            types?: (number[]|null);

                            /** DataSet rows */
                            rows?: (org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Properties[]|null);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Shape of a DataSet. */
                        type $Shape = {
                          numOfColumns?: number|Long|null;
                          columns?: string[]|null;
                          types?: number[]|null;
                          rows?: org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Shape[]|null;
                          $unknowns?: Uint8Array[];
                        };

                        /**
                         * Properties of a DataSetValue.
                         * @deprecated Use org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Properties instead.
                         */
                        interface IDataSetValue extends org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Properties {
                        }

                        /** Represents a DataSetValue. */
                        class DataSetValue {

                            /**
                             * Constructs a new DataSetValue.
                             * @param [properties] Properties to set
                             */
                            constructor(properties?: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Properties);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];

                            /** DataSetValue intValue. */
                            intValue?: (number|null);

                            /** DataSetValue longValue. */
                            longValue?: (number|Long|null);

                            /** DataSetValue floatValue. */
                            floatValue?: (number|null);

                            /** DataSetValue doubleValue. */
                            doubleValue?: (number|null);

                            /** DataSetValue booleanValue. */
                            booleanValue?: (boolean|null);

                            /** DataSetValue stringValue. */
                            stringValue?: (string|null);

                            /** DataSetValue extensionValue. */
                            extensionValue?: (org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Properties|null);

                            /** DataSetValue value. */
                            value?: ("intValue"|"longValue"|"floatValue"|"doubleValue"|"booleanValue"|"stringValue"|"extensionValue");

                            /**
                             * Creates a new DataSetValue instance using the specified properties.
                             * @param [properties] Properties to set
                             * @returns DataSetValue instance
                             */
                            static create(properties: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Shape): org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue & org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Shape;
                            static create(properties?: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Properties): org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue;

                            /**
                             * Encodes the specified DataSetValue message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.verify|verify} messages.
                             * @param message DataSetValue message or plain object to encode
                             * @param [writer] Writer to encode to
                             * @returns Writer
                             */
                            static encode(message: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                            /**
                             * Decodes a DataSetValue message from the specified reader or buffer.
                             * @param reader Reader or buffer to decode from
                             * @param [length] Message length if known beforehand
                             * @returns {org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue & org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Shape} DataSetValue
                             * @throws {Error} If the payload is not a reader or valid buffer
                             * @throws {$protobuf.util.ProtocolError} If required fields are missing
                             */
                            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue & org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Shape;
                        }

                        namespace DataSetValue {

                            /** Properties of a DataSetValue. */
                            interface $Properties {

                                /** DataSetValue intValue */
                                intValue?: (number|null);

                                /** DataSetValue longValue */
                                longValue?: (number|Long|null);

                                /** DataSetValue floatValue */
                                floatValue?: (number|null);

                                /** DataSetValue doubleValue */
                                doubleValue?: (number|null);

                                /** DataSetValue booleanValue */
                                booleanValue?: (boolean|null);

                                /** DataSetValue stringValue */
                                stringValue?: (string|null);

                                /** DataSetValue extensionValue */
                                extensionValue?: (org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Properties|null);

                                /** DataSetValue value */
                                value?: ("intValue"|"longValue"|"floatValue"|"doubleValue"|"booleanValue"|"stringValue"|"extensionValue");

                                /** Unknown fields preserved while decoding when enabled */
                                $unknowns?: Uint8Array[];
                            }

                            /** Narrowed shape of a DataSetValue. */
                            type $Shape = {
                              intValue?: number|null;
                              longValue?: number|Long|null;
                              floatValue?: number|null;
                              doubleValue?: number|null;
                              booleanValue?: boolean|null;
                              stringValue?: string|null;
                              extensionValue?: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Shape|null;
                              $unknowns?: Uint8Array[];
                            } & (
                              ({ value?: undefined; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "intValue"; intValue: number; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "longValue"; intValue?: null; longValue: number|Long; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "floatValue"; intValue?: null; longValue?: null; floatValue: number; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "doubleValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue: number; booleanValue?: null; stringValue?: null; extensionValue?: null }|{ value?: "booleanValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue: boolean; stringValue?: null; extensionValue?: null }|{ value?: "stringValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue: string; extensionValue?: null }|{ value?: "extensionValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; extensionValue: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Shape })
                            );

                            /**
                             * Properties of a DataSetValueExtension.
                             * @deprecated Use org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Properties instead.
                             */
                            interface IDataSetValueExtension extends org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Properties {
                            }

                            /** Represents a DataSetValueExtension. */
                            class DataSetValueExtension {

                                /**
                                 * Constructs a new DataSetValueExtension.
                                 * @param [properties] Properties to set
                                 */
                                constructor(properties?: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Properties);

                                /** Unknown fields preserved while decoding when enabled */
                                $unknowns?: Uint8Array[];

                                /**
                                 * Creates a new DataSetValueExtension instance using the specified properties.
                                 * @param [properties] Properties to set
                                 * @returns DataSetValueExtension instance
                                 */
                                static create(properties: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Shape): org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension & org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Shape;
                                static create(properties?: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Properties): org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension;

                                /**
                                 * Encodes the specified DataSetValueExtension message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.verify|verify} messages.
                                 * @param message DataSetValueExtension message or plain object to encode
                                 * @param [writer] Writer to encode to
                                 * @returns Writer
                                 */
                                static encode(message: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                                /**
                                 * Decodes a DataSetValueExtension message from the specified reader or buffer.
                                 * @param reader Reader or buffer to decode from
                                 * @param [length] Message length if known beforehand
                                 * @returns {org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension & org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Shape} DataSetValueExtension
                                 * @throws {Error} If the payload is not a reader or valid buffer
                                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                                 */
                                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension & org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Shape;
                            }

                            namespace DataSetValueExtension {

                                /** Properties of a DataSetValueExtension. */
                                interface $Properties {

                                    /** Unknown fields preserved while decoding when enabled */
                                    $unknowns?: Uint8Array[];
                                }

                                /** Shape of a DataSetValueExtension. */
                                type $Shape = org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.DataSetValueExtension.$Properties;
                            }
                        }

                        /**
                         * Properties of a Row.
                         * @deprecated Use org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Properties instead.
                         */
                        interface IRow extends org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Properties {
                        }

                        /** Represents a Row. */
                        class Row {

                            /**
                             * Constructs a new Row.
                             * @param [properties] Properties to set
                             */
                            constructor(properties?: org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Properties);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];

                            /** Row elements. */
                            elements: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Properties[];

                            /**
                             * Creates a new Row instance using the specified properties.
                             * @param [properties] Properties to set
                             * @returns Row instance
                             */
                            static create(properties: org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Shape): org.eclipse.tahu.protobuf.Payload.DataSet.Row & org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Shape;
                            static create(properties?: org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Properties): org.eclipse.tahu.protobuf.Payload.DataSet.Row;

                            /**
                             * Encodes the specified Row message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.DataSet.Row.verify|verify} messages.
                             * @param message Row message or plain object to encode
                             * @param [writer] Writer to encode to
                             * @returns Writer
                             */
                            static encode(message: org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                            /**
                             * Decodes a Row message from the specified reader or buffer.
                             * @param reader Reader or buffer to decode from
                             * @param [length] Message length if known beforehand
                             * @returns {org.eclipse.tahu.protobuf.Payload.DataSet.Row & org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Shape} Row
                             * @throws {Error} If the payload is not a reader or valid buffer
                             * @throws {$protobuf.util.ProtocolError} If required fields are missing
                             */
                            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.DataSet.Row & org.eclipse.tahu.protobuf.Payload.DataSet.Row.$Shape;
                        }

                        namespace Row {

                            /** Properties of a Row. */
                            interface $Properties {

                                /** Row elements */
                                elements?: (org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Properties[]|null);

                                /** Unknown fields preserved while decoding when enabled */
                                $unknowns?: Uint8Array[];
                            }

                            /** Shape of a Row. */
                            type $Shape = {
                              elements?: org.eclipse.tahu.protobuf.Payload.DataSet.DataSetValue.$Shape[]|null;
                              $unknowns?: Uint8Array[];
                            };
                        }
                    }

                    /**
                     * Properties of a PropertyValue.
                     * @deprecated Use org.eclipse.tahu.protobuf.Payload.PropertyValue.$Properties instead.
                     */
                    interface IPropertyValue extends org.eclipse.tahu.protobuf.Payload.PropertyValue.$Properties {
                    }

                    /** Represents a PropertyValue. */
                    class PropertyValue {

                        /**
                         * Constructs a new PropertyValue.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: org.eclipse.tahu.protobuf.Payload.PropertyValue.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** PropertyValue type. */
                        type: number;

                        /** PropertyValue isNull. */
                        isNull: boolean;

                        /** PropertyValue intValue. */
                        intValue?: (number|null);

                        /** PropertyValue longValue. */
                        longValue?: (number|Long|null);

                        /** PropertyValue floatValue. */
                        floatValue?: (number|null);

                        /** PropertyValue doubleValue. */
                        doubleValue?: (number|null);

                        /** PropertyValue booleanValue. */
                        booleanValue?: (boolean|null);

                        /** PropertyValue stringValue. */
                        stringValue?: (string|null);

                        /** PropertyValue propertysetValue. */
                        propertysetValue?: (org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties|null);

                        /** PropertyValue propertysetsValue. */
                        propertysetsValue?: (org.eclipse.tahu.protobuf.Payload.PropertySetList.$Properties|null);

                        /** PropertyValue extensionValue. */
                        extensionValue?: (org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Properties|null);

                        /** PropertyValue value. */
                        value?: ("intValue"|"longValue"|"floatValue"|"doubleValue"|"booleanValue"|"stringValue"|"propertysetValue"|"propertysetsValue"|"extensionValue");

                        /**
                         * Creates a new PropertyValue instance using the specified properties.
                         * @param [properties] Properties to set
                         * @returns PropertyValue instance
                         */
                        static create(properties: org.eclipse.tahu.protobuf.Payload.PropertyValue.$Shape): org.eclipse.tahu.protobuf.Payload.PropertyValue & org.eclipse.tahu.protobuf.Payload.PropertyValue.$Shape;
                        static create(properties?: org.eclipse.tahu.protobuf.Payload.PropertyValue.$Properties): org.eclipse.tahu.protobuf.Payload.PropertyValue;

                        /**
                         * Encodes the specified PropertyValue message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.PropertyValue.verify|verify} messages.
                         * @param message PropertyValue message or plain object to encode
                         * @param [writer] Writer to encode to
                         * @returns Writer
                         */
                        static encode(message: org.eclipse.tahu.protobuf.Payload.PropertyValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                        /**
                         * Decodes a PropertyValue message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {org.eclipse.tahu.protobuf.Payload.PropertyValue & org.eclipse.tahu.protobuf.Payload.PropertyValue.$Shape} PropertyValue
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.PropertyValue & org.eclipse.tahu.protobuf.Payload.PropertyValue.$Shape;
                    }

                    namespace PropertyValue {

                        /** Properties of a PropertyValue. */
                        interface $Properties {

                            /** PropertyValue type */
                            type?: (number|null);

                            /** PropertyValue isNull */
                            isNull?: (boolean|null);

                            /** PropertyValue intValue */
                            intValue?: (number|null);

                            /** PropertyValue longValue */
                            longValue?: (number|Long|null);

                            /** PropertyValue floatValue */
                            floatValue?: (number|null);

                            /** PropertyValue doubleValue */
                            doubleValue?: (number|null);

                            /** PropertyValue booleanValue */
                            booleanValue?: (boolean|null);

                            /** PropertyValue stringValue */
                            stringValue?: (string|null);

                            /** PropertyValue propertysetValue */
                            propertysetValue?: (org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties|null);

                            /** PropertyValue propertysetsValue */
                            propertysetsValue?: (org.eclipse.tahu.protobuf.Payload.PropertySetList.$Properties|null);

                            /** PropertyValue extensionValue */
                            extensionValue?: (org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Properties|null);

                            /** PropertyValue value */
                            value?: ("intValue"|"longValue"|"floatValue"|"doubleValue"|"booleanValue"|"stringValue"|"propertysetValue"|"propertysetsValue"|"extensionValue");

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Narrowed shape of a PropertyValue. */
                        type $Shape = {
                          type?: number|null;
                          isNull?: boolean|null;
                          intValue?: number|null;
                          longValue?: number|Long|null;
                          floatValue?: number|null;
                          doubleValue?: number|null;
                          booleanValue?: boolean|null;
                          stringValue?: string|null;
                          propertysetValue?: org.eclipse.tahu.protobuf.Payload.PropertySet.$Shape|null;
                          propertysetsValue?: org.eclipse.tahu.protobuf.Payload.PropertySetList.$Shape|null;
                          extensionValue?: org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Shape|null;
                          $unknowns?: Uint8Array[];
                        } & (
                          ({ value?: undefined; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; propertysetValue?: null; propertysetsValue?: null; extensionValue?: null }|{ value?: "intValue"; intValue: number; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; propertysetValue?: null; propertysetsValue?: null; extensionValue?: null }|{ value?: "longValue"; intValue?: null; longValue: number|Long; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; propertysetValue?: null; propertysetsValue?: null; extensionValue?: null }|{ value?: "floatValue"; intValue?: null; longValue?: null; floatValue: number; doubleValue?: null; booleanValue?: null; stringValue?: null; propertysetValue?: null; propertysetsValue?: null; extensionValue?: null }|{ value?: "doubleValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue: number; booleanValue?: null; stringValue?: null; propertysetValue?: null; propertysetsValue?: null; extensionValue?: null }|{ value?: "booleanValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue: boolean; stringValue?: null; propertysetValue?: null; propertysetsValue?: null; extensionValue?: null }|{ value?: "stringValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue: string; propertysetValue?: null; propertysetsValue?: null; extensionValue?: null }|{ value?: "propertysetValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; propertysetValue: org.eclipse.tahu.protobuf.Payload.PropertySet.$Shape; propertysetsValue?: null; extensionValue?: null }|{ value?: "propertysetsValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; propertysetValue?: null; propertysetsValue: org.eclipse.tahu.protobuf.Payload.PropertySetList.$Shape; extensionValue?: null }|{ value?: "extensionValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; propertysetValue?: null; propertysetsValue?: null; extensionValue: org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Shape })
                        );

                        /**
                         * Properties of a PropertyValueExtension.
                         * @deprecated Use org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Properties instead.
                         */
                        interface IPropertyValueExtension extends org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Properties {
                        }

                        /** Represents a PropertyValueExtension. */
                        class PropertyValueExtension {

                            /**
                             * Constructs a new PropertyValueExtension.
                             * @param [properties] Properties to set
                             */
                            constructor(properties?: org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Properties);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];

                            /**
                             * Creates a new PropertyValueExtension instance using the specified properties.
                             * @param [properties] Properties to set
                             * @returns PropertyValueExtension instance
                             */
                            static create(properties: org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Shape): org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension & org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Shape;
                            static create(properties?: org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Properties): org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension;

                            /**
                             * Encodes the specified PropertyValueExtension message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.verify|verify} messages.
                             * @param message PropertyValueExtension message or plain object to encode
                             * @param [writer] Writer to encode to
                             * @returns Writer
                             */
                            static encode(message: org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                            /**
                             * Decodes a PropertyValueExtension message from the specified reader or buffer.
                             * @param reader Reader or buffer to decode from
                             * @param [length] Message length if known beforehand
                             * @returns {org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension & org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Shape} PropertyValueExtension
                             * @throws {Error} If the payload is not a reader or valid buffer
                             * @throws {$protobuf.util.ProtocolError} If required fields are missing
                             */
                            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension & org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Shape;
                        }

                        namespace PropertyValueExtension {

                            /** Properties of a PropertyValueExtension. */
                            interface $Properties {

                                /** Unknown fields preserved while decoding when enabled */
                                $unknowns?: Uint8Array[];
                            }

                            /** Shape of a PropertyValueExtension. */
                            type $Shape = org.eclipse.tahu.protobuf.Payload.PropertyValue.PropertyValueExtension.$Properties;
                        }
                    }

                    /**
                     * Properties of a PropertySet.
                     * @deprecated Use org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties instead.
                     */
                    interface IPropertySet extends org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties {
                    }

                    /** Represents a PropertySet. */
                    class PropertySet {

                        /**
                         * Constructs a new PropertySet.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** PropertySet keys. */
                        keys: string[];

                        /** PropertySet values. */
                        values: org.eclipse.tahu.protobuf.Payload.PropertyValue.$Properties[];

                        /**
                         * Creates a new PropertySet instance using the specified properties.
                         * @param [properties] Properties to set
                         * @returns PropertySet instance
                         */
                        static create(properties: org.eclipse.tahu.protobuf.Payload.PropertySet.$Shape): org.eclipse.tahu.protobuf.Payload.PropertySet & org.eclipse.tahu.protobuf.Payload.PropertySet.$Shape;
                        static create(properties?: org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties): org.eclipse.tahu.protobuf.Payload.PropertySet;

                        /**
                         * Encodes the specified PropertySet message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.PropertySet.verify|verify} messages.
                         * @param message PropertySet message or plain object to encode
                         * @param [writer] Writer to encode to
                         * @returns Writer
                         */
                        static encode(message: org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                        /**
                         * Decodes a PropertySet message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {org.eclipse.tahu.protobuf.Payload.PropertySet & org.eclipse.tahu.protobuf.Payload.PropertySet.$Shape} PropertySet
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.PropertySet & org.eclipse.tahu.protobuf.Payload.PropertySet.$Shape;
                    }

                    namespace PropertySet {

                        /** Properties of a PropertySet. */
                        interface $Properties {

                            /** PropertySet keys */
                            keys?: (string[]|null);

                            /** PropertySet values */
                            values?: (org.eclipse.tahu.protobuf.Payload.PropertyValue.$Properties[]|null);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Shape of a PropertySet. */
                        type $Shape = {
                          keys?: string[]|null;
                          values?: org.eclipse.tahu.protobuf.Payload.PropertyValue.$Shape[]|null;
                          $unknowns?: Uint8Array[];
                        };
                    }

                    /**
                     * Properties of a PropertySetList.
                     * @deprecated Use org.eclipse.tahu.protobuf.Payload.PropertySetList.$Properties instead.
                     */
                    interface IPropertySetList extends org.eclipse.tahu.protobuf.Payload.PropertySetList.$Properties {
                    }

                    /** Represents a PropertySetList. */
                    class PropertySetList {

                        /**
                         * Constructs a new PropertySetList.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: org.eclipse.tahu.protobuf.Payload.PropertySetList.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** PropertySetList propertyset. */
                        propertyset: org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties[];

                        /**
                         * Creates a new PropertySetList instance using the specified properties.
                         * @param [properties] Properties to set
                         * @returns PropertySetList instance
                         */
                        static create(properties: org.eclipse.tahu.protobuf.Payload.PropertySetList.$Shape): org.eclipse.tahu.protobuf.Payload.PropertySetList & org.eclipse.tahu.protobuf.Payload.PropertySetList.$Shape;
                        static create(properties?: org.eclipse.tahu.protobuf.Payload.PropertySetList.$Properties): org.eclipse.tahu.protobuf.Payload.PropertySetList;

                        /**
                         * Encodes the specified PropertySetList message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.PropertySetList.verify|verify} messages.
                         * @param message PropertySetList message or plain object to encode
                         * @param [writer] Writer to encode to
                         * @returns Writer
                         */
                        static encode(message: org.eclipse.tahu.protobuf.Payload.PropertySetList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                        /**
                         * Decodes a PropertySetList message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {org.eclipse.tahu.protobuf.Payload.PropertySetList & org.eclipse.tahu.protobuf.Payload.PropertySetList.$Shape} PropertySetList
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.PropertySetList & org.eclipse.tahu.protobuf.Payload.PropertySetList.$Shape;
                    }

                    namespace PropertySetList {

                        /** Properties of a PropertySetList. */
                        interface $Properties {

                            /** PropertySetList propertyset */
                            propertyset?: (org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties[]|null);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Shape of a PropertySetList. */
                        type $Shape = {
                          propertyset?: org.eclipse.tahu.protobuf.Payload.PropertySet.$Shape[]|null;
                          $unknowns?: Uint8Array[];
                        };
                    }

                    /**
                     * Properties of a MetaData.
                     * @deprecated Use org.eclipse.tahu.protobuf.Payload.MetaData.$Properties instead.
                     */
                    interface IMetaData extends org.eclipse.tahu.protobuf.Payload.MetaData.$Properties {
                    }

                    /** Represents a MetaData. */
                    class MetaData {

                        /**
                         * Constructs a new MetaData.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: org.eclipse.tahu.protobuf.Payload.MetaData.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** MetaData isMultiPart. */
                        isMultiPart: boolean;

                        /** MetaData contentType. */
                        contentType: string;

                        /** MetaData size. */
                        size: (number|Long);

                        /** MetaData seq. */
                        seq: (number|Long);

                        /** MetaData fileName. */
                        fileName: string;

                        /** MetaData fileType. */
                        fileType: string;

                        /** MetaData md5. */
                        md5: string;

                        /** MetaData description. */
                        description: string;

                        /**
                         * Creates a new MetaData instance using the specified properties.
                         * @param [properties] Properties to set
                         * @returns MetaData instance
                         */
                        static create(properties: org.eclipse.tahu.protobuf.Payload.MetaData.$Shape): org.eclipse.tahu.protobuf.Payload.MetaData & org.eclipse.tahu.protobuf.Payload.MetaData.$Shape;
                        static create(properties?: org.eclipse.tahu.protobuf.Payload.MetaData.$Properties): org.eclipse.tahu.protobuf.Payload.MetaData;

                        /**
                         * Encodes the specified MetaData message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.MetaData.verify|verify} messages.
                         * @param message MetaData message or plain object to encode
                         * @param [writer] Writer to encode to
                         * @returns Writer
                         */
                        static encode(message: org.eclipse.tahu.protobuf.Payload.MetaData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                        /**
                         * Decodes a MetaData message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {org.eclipse.tahu.protobuf.Payload.MetaData & org.eclipse.tahu.protobuf.Payload.MetaData.$Shape} MetaData
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.MetaData & org.eclipse.tahu.protobuf.Payload.MetaData.$Shape;
                    }

                    namespace MetaData {

                        /** Properties of a MetaData. */
                        interface $Properties {

                            /** MetaData isMultiPart */
                            isMultiPart?: (boolean|null);

                            /** MetaData contentType */
                            contentType?: (string|null);

                            /** MetaData size */
                            size?: (number|Long|null);

                            /** MetaData seq */
                            seq?: (number|Long|null);

                            /** MetaData fileName */
                            fileName?: (string|null);

                            /** MetaData fileType */
                            fileType?: (string|null);

                            /** MetaData md5 */
                            md5?: (string|null);

                            /** MetaData description */
                            description?: (string|null);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Shape of a MetaData. */
                        type $Shape = org.eclipse.tahu.protobuf.Payload.MetaData.$Properties;
                    }

                    /**
                     * Properties of a Metric.
                     * @deprecated Use org.eclipse.tahu.protobuf.Payload.Metric.$Properties instead.
                     */
                    interface IMetric extends org.eclipse.tahu.protobuf.Payload.Metric.$Properties {
                    }

                    /** Represents a Metric. */
                    class Metric {

                        /**
                         * Constructs a new Metric.
                         * @param [properties] Properties to set
                         */
                        constructor(properties?: org.eclipse.tahu.protobuf.Payload.Metric.$Properties);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];

                        /** Metric name. */
                        name: string;

                        /** Metric alias. */
                        alias: (number|Long);

                        /** Metric timestamp. */
                        timestamp: (number|Long);

                        /** Metric datatype. */
                        datatype: number;

                        /** Metric isHistorical. */
                        isHistorical: boolean;

                        /** Metric isTransient. */
                        isTransient: boolean;

                        /** Metric isNull. */
                        isNull: boolean;

                        /** Metric metadata. */
                        metadata?: (org.eclipse.tahu.protobuf.Payload.MetaData.$Properties|null);

                        /** Metric properties. */
                        properties?: (org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties|null);

                        /** Metric intValue. */
                        intValue?: (number|null);

                        /** Metric longValue. */
                        longValue?: (number|Long|null);

                        /** Metric floatValue. */
                        floatValue?: (number|null);

                        /** Metric doubleValue. */
                        doubleValue?: (number|null);

                        /** Metric booleanValue. */
                        booleanValue?: (boolean|null);

                        /** Metric stringValue. */
                        stringValue?: (string|null);

                        /** Metric bytesValue. */
                        bytesValue?: (Uint8Array|null);

                        /** Metric datasetValue. */
                        datasetValue?: (org.eclipse.tahu.protobuf.Payload.DataSet.$Properties|null);

                        /** Metric templateValue. */
                        templateValue?: (org.eclipse.tahu.protobuf.Payload.Template.$Properties|null);

                        /** Metric extensionValue. */
                        extensionValue?: (org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Properties|null);

                        /** Metric value. */
                        value?: ("intValue"|"longValue"|"floatValue"|"doubleValue"|"booleanValue"|"stringValue"|"bytesValue"|"datasetValue"|"templateValue"|"extensionValue");

                        /**
                         * Creates a new Metric instance using the specified properties.
                         * @param [properties] Properties to set
                         * @returns Metric instance
                         */
                        static create(properties: org.eclipse.tahu.protobuf.Payload.Metric.$Shape): org.eclipse.tahu.protobuf.Payload.Metric & org.eclipse.tahu.protobuf.Payload.Metric.$Shape;
                        static create(properties?: org.eclipse.tahu.protobuf.Payload.Metric.$Properties): org.eclipse.tahu.protobuf.Payload.Metric;

                        /**
                         * Encodes the specified Metric message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.Metric.verify|verify} messages.
                         * @param message Metric message or plain object to encode
                         * @param [writer] Writer to encode to
                         * @returns Writer
                         */
                        static encode(message: org.eclipse.tahu.protobuf.Payload.Metric.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                        /**
                         * Decodes a Metric message from the specified reader or buffer.
                         * @param reader Reader or buffer to decode from
                         * @param [length] Message length if known beforehand
                         * @returns {org.eclipse.tahu.protobuf.Payload.Metric & org.eclipse.tahu.protobuf.Payload.Metric.$Shape} Metric
                         * @throws {Error} If the payload is not a reader or valid buffer
                         * @throws {$protobuf.util.ProtocolError} If required fields are missing
                         */
                        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.Metric & org.eclipse.tahu.protobuf.Payload.Metric.$Shape;
                    }

                    namespace Metric {

                        /** Properties of a Metric. */
                        interface $Properties {

                            /** Metric name */
                            name?: (string|null);

                            /** Metric alias */
                            alias?: (number|Long|null);

                            /** Metric timestamp */
                            timestamp?: (number|Long|null);

                            /** Metric datatype */
                            datatype?: (number|null);

                            /** Metric isHistorical */
                            isHistorical?: (boolean|null);

                            /** Metric isTransient */
                            isTransient?: (boolean|null);

                            /** Metric isNull */
                            isNull?: (boolean|null);

                            /** Metric metadata */
                            metadata?: (org.eclipse.tahu.protobuf.Payload.MetaData.$Properties|null);

                            /** Metric properties */
                            properties?: (org.eclipse.tahu.protobuf.Payload.PropertySet.$Properties|null);

                            /** Metric intValue */
                            intValue?: (number|null);

                            /** Metric longValue */
                            longValue?: (number|Long|null);

                            /** Metric floatValue */
                            floatValue?: (number|null);

                            /** Metric doubleValue */
                            doubleValue?: (number|null);

                            /** Metric booleanValue */
                            booleanValue?: (boolean|null);

                            /** Metric stringValue */
                            stringValue?: (string|null);

                            /** Metric bytesValue */
                            bytesValue?: (Uint8Array|null);

                            /** Metric datasetValue */
                            datasetValue?: (org.eclipse.tahu.protobuf.Payload.DataSet.$Properties|null);

                            /** Metric templateValue */
                            templateValue?: (org.eclipse.tahu.protobuf.Payload.Template.$Properties|null);

                            /** Metric extensionValue */
                            extensionValue?: (org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Properties|null);

                            /** Metric value */
                            value?: ("intValue"|"longValue"|"floatValue"|"doubleValue"|"booleanValue"|"stringValue"|"bytesValue"|"datasetValue"|"templateValue"|"extensionValue");

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];
                        }

                        /** Narrowed shape of a Metric. */
                        type $Shape = {
                          name?: string|null;
                          alias?: number|Long|null;
                          timestamp?: number|Long|null;
                          datatype?: number|null;
                          isHistorical?: boolean|null;
                          isTransient?: boolean|null;
                          isNull?: boolean|null;
                          metadata?: org.eclipse.tahu.protobuf.Payload.MetaData.$Shape|null;
                          properties?: org.eclipse.tahu.protobuf.Payload.PropertySet.$Shape|null;
                          intValue?: number|null;
                          longValue?: number|Long|null;
                          floatValue?: number|null;
                          doubleValue?: number|null;
                          booleanValue?: boolean|null;
                          stringValue?: string|null;
                          bytesValue?: Uint8Array|null;
                          datasetValue?: org.eclipse.tahu.protobuf.Payload.DataSet.$Shape|null;
                          templateValue?: org.eclipse.tahu.protobuf.Payload.Template.$Shape|null;
                          extensionValue?: org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Shape|null;
                          $unknowns?: Uint8Array[];
                        } & (
                          ({ value?: undefined; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; bytesValue?: null; datasetValue?: null; templateValue?: null; extensionValue?: null }|{ value?: "intValue"; intValue: number; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; bytesValue?: null; datasetValue?: null; templateValue?: null; extensionValue?: null }|{ value?: "longValue"; intValue?: null; longValue: number|Long; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; bytesValue?: null; datasetValue?: null; templateValue?: null; extensionValue?: null }|{ value?: "floatValue"; intValue?: null; longValue?: null; floatValue: number; doubleValue?: null; booleanValue?: null; stringValue?: null; bytesValue?: null; datasetValue?: null; templateValue?: null; extensionValue?: null }|{ value?: "doubleValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue: number; booleanValue?: null; stringValue?: null; bytesValue?: null; datasetValue?: null; templateValue?: null; extensionValue?: null }|{ value?: "booleanValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue: boolean; stringValue?: null; bytesValue?: null; datasetValue?: null; templateValue?: null; extensionValue?: null }|{ value?: "stringValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue: string; bytesValue?: null; datasetValue?: null; templateValue?: null; extensionValue?: null }|{ value?: "bytesValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; bytesValue: Uint8Array; datasetValue?: null; templateValue?: null; extensionValue?: null }|{ value?: "datasetValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; bytesValue?: null; datasetValue: org.eclipse.tahu.protobuf.Payload.DataSet.$Shape; templateValue?: null; extensionValue?: null }|{ value?: "templateValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; bytesValue?: null; datasetValue?: null; templateValue: org.eclipse.tahu.protobuf.Payload.Template.$Shape; extensionValue?: null }|{ value?: "extensionValue"; intValue?: null; longValue?: null; floatValue?: null; doubleValue?: null; booleanValue?: null; stringValue?: null; bytesValue?: null; datasetValue?: null; templateValue?: null; extensionValue: org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Shape })
                        );

                        /**
                         * Properties of a MetricValueExtension.
                         * @deprecated Use org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Properties instead.
                         */
                        interface IMetricValueExtension extends org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Properties {
                        }

                        /** Represents a MetricValueExtension. */
                        class MetricValueExtension {

                            /**
                             * Constructs a new MetricValueExtension.
                             * @param [properties] Properties to set
                             */
                            constructor(properties?: org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Properties);

                            /** Unknown fields preserved while decoding when enabled */
                            $unknowns?: Uint8Array[];

                            /**
                             * Creates a new MetricValueExtension instance using the specified properties.
                             * @param [properties] Properties to set
                             * @returns MetricValueExtension instance
                             */
                            static create(properties: org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Shape): org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension & org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Shape;
                            static create(properties?: org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Properties): org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension;

                            /**
                             * Encodes the specified MetricValueExtension message. Does not implicitly {@link org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.verify|verify} messages.
                             * @param message MetricValueExtension message or plain object to encode
                             * @param [writer] Writer to encode to
                             * @returns Writer
                             */
                            static encode(message: org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                            /**
                             * Decodes a MetricValueExtension message from the specified reader or buffer.
                             * @param reader Reader or buffer to decode from
                             * @param [length] Message length if known beforehand
                             * @returns {org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension & org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Shape} MetricValueExtension
                             * @throws {Error} If the payload is not a reader or valid buffer
                             * @throws {$protobuf.util.ProtocolError} If required fields are missing
                             */
                            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension & org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Shape;
                        }

                        namespace MetricValueExtension {

                            /** Properties of a MetricValueExtension. */
                            interface $Properties {

                                /** Unknown fields preserved while decoding when enabled */
                                $unknowns?: Uint8Array[];
                            }

                            /** Shape of a MetricValueExtension. */
                            type $Shape = org.eclipse.tahu.protobuf.Payload.Metric.MetricValueExtension.$Properties;
                        }
                    }
                }
            }
        }
    }
}
